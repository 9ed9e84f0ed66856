using System.Globalization;
using Dashboard.Core.Reports;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Reports;

/// <summary>How a report's codes and comparisons read, shared by the preview page and the documents.</summary>
public static class ReportLabels
{
    public static string SectionName(this IStringLocalizer l, ReportSection section) => l[$"Report.Section.{section}"];

    public static string CategoryName(this IStringLocalizer l, ReportSection section, string code) => section switch
    {
        ReportSection.Disputes => l[$"DisputeCategory.{code}"],
        _ => l[$"InvestigationCategory.{MonthlyReportBuilder.KindOf(section)}.{code}"],
    };

    public static string CommunityName(this IStringLocalizer l, ReportRow row) => row.Key.Length == 0 ? l["Report.NoCommunity"] : row.Name ?? row.Key;

    /// <summary>A change against a base figure, as the meeting reads it: 上升 12.5%, 下降 3%, 持平; a dash when there is no base.</summary>
    public static string Change(this IStringLocalizer l, int now, int before)
    {
        if (before == 0) return now == 0 ? l["Report.Change.Same"] : l["Report.Change.NoBase"];
        var percent = Math.Round(100.0 * (now - before) / before, 1);
        return percent switch
        {
            > 0 => string.Format(CultureInfo.CurrentCulture, l["Report.Change.Up"], percent),
            < 0 => string.Format(CultureInfo.CurrentCulture, l["Report.Change.Down"], -percent),
            _ => l["Report.Change.Same"],
        };
    }

    public static string ItemState(this IStringLocalizer l, MajorItem item) =>
        l[item.Resolved ? "Report.State.Resolved" : item.Overdue ? "Report.State.Overdue" : "Report.State.Open"];

    public static string MonthName(this IStringLocalizer l, string month) =>
        ReportMonth.TryParse(month, out var m) ? string.Format(CultureInfo.CurrentCulture, l["Report.MonthName"], m.Year, m.Month) : month;

    /// <summary>The section's summary sentence, or its zero-report line when nothing was found.</summary>
    public static string SectionSummary(this IStringLocalizer l, SectionReport s) => s.ZeroReport
        ? string.Format(CultureInfo.CurrentCulture, l["Report.ZeroReport"], l[$"Report.Noun.{s.Section}"], s.Counts.Resolved, s.Counts.InProgress, s.Counts.Overdue)
        : string.Format(CultureInfo.CurrentCulture, l["Report.SectionSummary"], s.Counts.Found, s.Counts.Resolved, s.Counts.InProgress,
            s.Counts.Overdue, l.Change(s.Counts.Found, s.LastMonth.Found), l.Change(s.Counts.Found, s.LastYear.Found));

    public static string AlarmSummary(this IStringLocalizer l, AlarmSummary a) => string.Format(CultureInfo.CurrentCulture, l["Report.AlarmSummary"],
        a.Total, l.Change(a.Total, a.TotalLastMonth), l.Change(a.Total, a.TotalLastYear),
        a.Criminal, l.Change(a.Criminal, a.CriminalLastYear), a.PublicOrder, l.Change(a.PublicOrder, a.PublicOrderLastYear));

    public static string WarningSummary(this IStringLocalizer l, WarningSummary w) =>
        string.Format(CultureInfo.CurrentCulture, l["Report.WarningSummary"], w.Issued, w.Closed, w.OpenAtEnd);
}
