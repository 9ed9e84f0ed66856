using System.Text.Json;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Hosting;

public sealed class DatabaseBusyTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private async Task<(bool Handled, HttpContext Http)> HandleAsync(Exception exception)
    {
        using var scope = app.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/api/v1/positions";
        http.Response.Body = new MemoryStream();
        var handler = app.Services.GetServices<IExceptionHandler>().OfType<DatabaseBusyHandler>().Single();
        var handled = await handler.TryHandleAsync(http, exception, CancellationToken.None);
        return (handled, http);
    }

    [Fact]
    public async Task A_locked_sqlite_database_is_answered_with_503_and_retry_after_not_500()
    {
        var locked = new DbUpdateException("saving failed", new SqliteException("SQLite Error 5: 'database is locked'.", 5));

        var (handled, http) = await HandleAsync(locked);

        Assert.True(handled);
        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(http.Response.Body);
        Assert.Equal("Database busy", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Other_failures_are_left_to_the_general_handler()
    {
        var (handled, http) = await HandleAsync(new InvalidOperationException("a bug"));
        Assert.False(handled);
        Assert.Equal(200, http.Response.StatusCode);
    }
}
