namespace Dashboard.Core.Reports;

/// <summary>The four investigations of the monthly joint meeting (四项排查).</summary>
public enum ReportSection { Disputes, PublicOrder, Safety, Instability }

/// <summary>Items found and resolved in the month, and those still open (and overdue) when it ended.</summary>
public sealed record ReportCounts(int Found, int Resolved, int InProgress, int Overdue)
{
    public static readonly ReportCounts Zero = new(0, 0, 0, 0);
}

/// <summary>One line of a breakdown: a category code, or a community (code and name).</summary>
public sealed record ReportRow(string Key, string? Name, ReportCounts Counts);

/// <summary>One investigation's figures, with the found and resolved counts of last month (环比) and a year ago (同比).</summary>
public sealed record SectionReport(
    ReportSection Section, ReportCounts Counts, ReportCounts LastMonth, ReportCounts LastYear,
    IReadOnlyList<ReportRow> ByCategory, IReadOnlyList<ReportRow> ByCommunity)
{
    /// <summary>Nothing found this month: the report says so in a "零报告" line.</summary>
    public bool ZeroReport => Counts.Found == 0;
}

/// <summary>A major (red) item found in the month or still open at its end.</summary>
public sealed record MajorItem(
    ReportSection Section, string Number, string Category, string Summary, string? ResponsibleUnit, string? ResponsiblePerson,
    DateTimeOffset? Deadline, bool Resolved, bool Overdue);

public sealed record WarningModelRow(string ModelCode, int Issued, int Closed);

public sealed record WarningSummary(int Issued, int Closed, int OpenAtEnd, IReadOnlyList<WarningModelRow> ByModel);

/// <summary>Alarms of the month against the month before and the same month last year.</summary>
public sealed record AlarmSummary(
    int Total, int TotalLastMonth, int TotalLastYear,
    int Criminal, int CriminalLastMonth, int CriminalLastYear,
    int PublicOrder, int PublicOrderLastMonth, int PublicOrderLastYear);

/// <summary>What one jurisdiction's monthly report says: codes and figures, rendered in the reader's language.</summary>
public sealed record MonthlyReportContent(
    string JurisdictionCode, string JurisdictionName, string Month, DateTimeOffset From, DateTimeOffset To,
    IReadOnlyList<SectionReport> Sections, IReadOnlyList<MajorItem> MajorItems, WarningSummary Warnings, AlarmSummary Alarms)
{
    public SectionReport this[ReportSection section] => Sections.Single(s => s.Section == section);
}

/// <summary>The steps a build goes through, reported so a screen can show progress.</summary>
public enum ReportStep { Disputes, Investigations, Warnings, Alarms, Saving, Done }
