using Dashboard.Core.Time;

namespace Dashboard.Web.Components.Warnings;

/// <summary>The periods the warning statistics offer, cut in the installation's zone: [From, To) in UTC.</summary>
public static class WarningPeriods
{
    public const string ThisMonth = "thismonth";
    public const string LastMonth = "lastmonth";
    public const string Last30Days = "last30days";

    public static readonly IReadOnlyList<string> All = [ThisMonth, LastMonth, Last30Days];

    public static string Parse(string? code) => All.FirstOrDefault(p => p.Equals(code, StringComparison.OrdinalIgnoreCase)) ?? ThisMonth;

    public static (DateTimeOffset From, DateTimeOffset To) Resolve(string period, LocalCalendar calendar)
    {
        var today = DateOnly.FromDateTime(calendar.Now.DateTime);
        var lastMonth = today.AddMonths(-1);
        return period switch
        {
            LastMonth => calendar.MonthOf(lastMonth.Year, lastMonth.Month),
            Last30Days => (calendar.StartOf(today.AddDays(-29)), calendar.StartOf(today.AddDays(1))),
            _ => calendar.MonthOf(today.Year, today.Month),
        };
    }
}
