using System.Globalization;
using Dashboard.Core.Reports;
using Dashboard.Core.Time;
using Dashboard.Web.Components.Warnings;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dashboard.Web.Reports;

/// <summary>The report's figures as a workbook: a summary sheet, then one sheet per breakdown, for staff who rework them.</summary>
internal static class MonthlyReportExcel
{
    public static byte[] Render(MonthlyReport report, IStringLocalizer l, LocalCalendar calendar)
    {
        var content = report.Content;
        var sheets = new Dictionary<string, object>
        {
            [l["Report.Sheet.Summary"]] = content.Sections.Select(s => Row(
                (l["Report.Col.Section"], l.SectionName(s.Section)), (l["Report.Col.Found"], s.Counts.Found),
                (l["Report.Col.Resolved"], s.Counts.Resolved), (l["Report.Col.InProgress"], s.Counts.InProgress),
                (l["Report.Col.Overdue"], s.Counts.Overdue), (l["Report.Col.LastMonth"], s.LastMonth.Found),
                (l["Report.Col.MoM"], l.Change(s.Counts.Found, s.LastMonth.Found)), (l["Report.Col.LastYear"], s.LastYear.Found),
                (l["Report.Col.YoY"], l.Change(s.Counts.Found, s.LastYear.Found)), (l["Report.Col.Note"], l.SectionSummary(s)))).ToList(),
            [l["Report.Sheet.Categories"]] = Breakdown(l, content, l["Report.Col.Category"], (s, r) => l.CategoryName(s.Section, r.Key), s => s.ByCategory),
            [l["Report.Sheet.Communities"]] = Breakdown(l, content, l["Report.Col.Community"], (_, r) => l.CommunityName(r), s => s.ByCommunity),
            [l["Report.Sheet.Major"]] = content.MajorItems.Select(i => Row(
                (l["Report.Col.Section"], l.SectionName(i.Section)), (l["Report.Col.Number"], i.Number),
                (l["Report.Col.Category"], l.CategoryName(i.Section, i.Category)), (l["Report.Col.Item"], i.Summary),
                (l["Report.Col.Unit"], i.ResponsibleUnit), (l["Report.Col.Person"], i.ResponsiblePerson),
                (l["Report.Col.Deadline"], i.Deadline is { } d ? calendar.ToLocal(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null),
                (l["Report.Col.State"], l.ItemState(i)))).ToList(),
            [l["Report.Sheet.Warnings"]] = content.Warnings.ByModel.Select(r => Row(
                (l["Report.Col.Model"], l.ModelName(r.ModelCode)), (l["Report.Col.Issued"], r.Issued), (l["Report.Col.Closed"], r.Closed))).ToList(),
            [l["Report.Sheet.Alarms"]] = MonthlyReportWord.AlarmRows(l, content.Alarms)
                .Select(cells => MonthlyReportWord.AlarmHeaders(l).Zip(cells).ToDictionary(p => p.First, p => (object?)p.Second)).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Breakdown(IStringLocalizer l, MonthlyReportContent content, string keyHeader,
        Func<SectionReport, ReportRow, string> name, Func<SectionReport, IReadOnlyList<ReportRow>> rows) =>
        content.Sections.SelectMany(s => rows(s).Select(r => Row(
            (l["Report.Col.Section"], l.SectionName(s.Section)), (keyHeader, name(s, r)), (l["Report.Col.Found"], r.Counts.Found),
            (l["Report.Col.Resolved"], r.Counts.Resolved), (l["Report.Col.InProgress"], r.Counts.InProgress),
            (l["Report.Col.Overdue"], r.Counts.Overdue)))).ToList();

    private static Dictionary<string, object?> Row(params (string Header, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Header, c => c.Value);
}
