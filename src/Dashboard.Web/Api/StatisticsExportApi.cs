using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Dashboard.Web.Components.Statistics;
using Dashboard.Web.Components.Warnings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Api;

/// <summary>The address of a statistics download: the page's filter, and which chart (all of them when none or unknown).</summary>
internal sealed record StatisticsDownload(string? Station, string? Category, string? Period, string? From, string? To, string? Chart);

/// <summary>The figures behind the statistics page's charts as Excel, for signed-in people, scoped and audited like the ledger.</summary>
internal static class StatisticsExportApi
{
    public static void MapStatisticsExport(this WebApplication app) =>
        app.MapGet("/statistics/figures.xlsx", async (HttpContext http, [AsParameters] StatisticsDownload q, ChartQueries charts,
            StatisticsExport export, JurisdictionMap map, LocalCalendar calendar, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (JurisdictionScope.Of(http.User) is not { } caller) return Results.Forbid();
            var view = await StatisticsView.ReadAsync(caller, map, calendar, q.Station, q.Category, q.Period, q.From, q.To);
            var chart = Enum.GetValues<StatisticsChart>().Where(c => c.ToString().Equals(q.Chart, StringComparison.OrdinalIgnoreCase))
                .Select(c => (StatisticsChart?)c).FirstOrDefault();
            var figures = await charts.AllAsync(view.Scope, view.Period, view.Filter.Category, ct);
            var workbook = new StatisticsWorkbook(l, await PlaceNames.LoadAsync(map), l[$"Stats.Place.{view.PlaceLevel}"]);
            var buffer = new MemoryStream();
            await export.ExportAsync(view.Scope, workbook.Sheets(figures, chart), http.User.Identity?.Name ?? "?",
                $"{chart?.ToString() ?? "all"} {view.Period} {view.Filter.Category}".TrimEnd(), buffer, ct);
            buffer.Position = 0;
            return TypedResults.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"{l["Nav.Statistics"]}-{calendar.Now:yyyyMMdd}.xlsx");
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.People }).ExcludeFromDescription();
}
