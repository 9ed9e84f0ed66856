using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Hosting;

/// <summary>
/// A database too busy to answer in time (SQLite's write lock under overload, a transient server error) is not the
/// caller's fault and not a bug: it gets 503 with Retry-After, so upstream systems back off and send the data again.
/// </summary>
internal sealed class DatabaseBusyHandler(IProblemDetailsService problems, ILogger<DatabaseBusyHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsTransient(exception)) return false;
        logger.LogWarning("Database busy for {Path}: answered 503 ({Message})", http.Request.Path, exception.GetBaseException().Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http, Exception = exception,
            ProblemDetails = { Status = 503, Title = "Database busy", Detail = $"Nothing was stored; send the request again after {RetryAfterSeconds} s." },
        });
    }

    public static bool IsTransient(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            // SQLite reports a lock held past its busy timeout as BUSY (5) or LOCKED (6) without marking it transient.
            if (exception is DbException { IsTransient: true } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } or TimeoutException)
                return true;
        return false;
    }
}
