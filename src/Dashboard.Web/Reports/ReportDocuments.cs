using System.Globalization;
using System.Security.Claims;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Reports;
using Dashboard.Core.Time;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Reports;

public enum ReportFormat { Docx, Xlsx }

public sealed record ReportFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// Renders an archived report as a file. The documents are official papers for the meeting, so they are written in
/// Chinese whatever language the screen that asked for them uses.
/// </summary>
public sealed class ReportDocuments(IStringLocalizer<SharedResource> l, LocalCalendar calendar, JurisdictionMap map)
{
    private static readonly CultureInfo DocumentCulture = new("zh-CN");

    public ReportFile Render(MonthlyReport report, ReportFormat format)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = DocumentCulture;
        try
        {
            var name = string.Format(DocumentCulture, l["Report.FileName"], report.JurisdictionName, report.Month);
            return format == ReportFormat.Docx
                ? new(MonthlyReportWord.Render(report, l, calendar), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx")
                : new(MonthlyReportExcel.Render(report, l, calendar), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>The unit a person asks about: their own jurisdiction, or a unit inside it; null for anything else.</summary>
    public async Task<JurisdictionNode?> TargetAsync(ClaimsPrincipal user, string? code, CancellationToken ct = default)
    {
        if (JurisdictionScope.Of(user) is not { } scope) return null;
        code = string.IsNullOrWhiteSpace(code) ? user.FindFirst(JurisdictionScope.CodeClaim)?.Value : code.Trim();
        if (code is null || code.Length > 32) return null;
        return await map.FindAsync(code, ct) is { } node && scope.Contains(node.Path) ? node : null;
    }

    /// <summary>The units a person can report on: their own and every township, station and community inside it.</summary>
    public async Task<IReadOnlyList<JurisdictionNode>> TargetsAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        JurisdictionScope.Of(user) is { } scope
            ? (await map.NodesAsync(ct)).Where(n => scope.Contains(n.Path) && n.Level != JurisdictionLevel.Grid).OrderBy(n => n.Path, StringComparer.Ordinal).ToList()
            : [];
}
