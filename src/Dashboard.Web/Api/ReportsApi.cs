using Dashboard.Core;
using Dashboard.Core.Reports;
using Dashboard.Core.Security;
using Dashboard.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>
/// Stable download addresses of the monthly report for signed-in people: <c>/reports/monthly/2026-10.docx</c> for their
/// own jurisdiction, <c>?jurisdiction=CODE</c> for a unit inside it. A report not built yet is built on the spot.
/// </summary>
internal static class ReportsApi
{
    public static void MapReports(this WebApplication app) =>
        app.MapGet("/reports/monthly/{month}.{format}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string month, string format, string? jurisdiction, HttpContext http,
            MonthlyReports reports, ReportDocuments documents, CancellationToken ct) =>
        {
            if (!Enum.TryParse<ReportFormat>(format, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                return Problem(StatusCodes.Status404NotFound, "Unknown format", "Reports are served as .docx or .xlsx.");
            if (!ReportMonth.TryParse(month, out var period))
                return Problem(StatusCodes.Status400BadRequest, "Invalid month", "Write the month as yyyy-MM, e.g. 2026-10.");
            if (await documents.TargetAsync(http.User, jurisdiction, ct) is not { } node)
                return Problem(StatusCodes.Status404NotFound, "Unknown jurisdiction", "No such unit in your jurisdiction.");
            var actor = http.User.Identity?.Name ?? "?";
            try
            {
                var report = await reports.GetOrGenerateAsync(node, period, actor, ct);
                await reports.RecordDownloadAsync(report, actor, kind.ToString().ToLowerInvariant(), ct);
                var file = documents.Render(report, kind);
                return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
            }
            catch (DomainRuleException ex)
            {
                return Problem(StatusCodes.Status400BadRequest, "Month not reportable", ex.Message);
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.People }).ExcludeFromDescription();

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
