using System.Globalization;

namespace Dashboard.Core.Reports;

/// <summary>A calendar month a report covers, written <c>yyyy-MM</c> in addresses and in the archive.</summary>
public readonly record struct ReportMonth(int Year, int Month) : IComparable<ReportMonth>
{
    public const string Format = "yyyy-MM";
    private static readonly ReportMonth Earliest = new(2000, 1);

    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return false;
        month = new ReportMonth(first.Year, first.Month);
        return month >= Earliest;
    }

    public static ReportMonth Of(DateTimeOffset local) => new(local.Year, local.Month);

    public DateOnly FirstDay => new(Year, Month, 1);
    public ReportMonth Previous => Of(FirstDay.AddMonths(-1));
    public ReportMonth SameMonthLastYear => new(Year - 1, Month);
    public ReportMonth Next => Of(FirstDay.AddMonths(1));

    public int CompareTo(ReportMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(ReportMonth a, ReportMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(ReportMonth a, ReportMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(ReportMonth a, ReportMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ReportMonth a, ReportMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => FirstDay.ToString(Format, CultureInfo.InvariantCulture);

    private static ReportMonth Of(DateOnly day) => new(day.Year, day.Month);
}
