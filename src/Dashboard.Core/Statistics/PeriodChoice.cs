using System.Globalization;
using Dashboard.Core.Time;

namespace Dashboard.Core.Statistics;

public enum PeriodKind { Today, Yesterday, Last7Days, ThisMonth, Last90Days, Custom }

/// <summary>
/// A period as a desk screen offers it. It is resolved against the local calendar each time it is used, so "today" moves on
/// at local midnight; custom ranges are whole local days, both ends included.
/// </summary>
public sealed record PeriodChoice(PeriodKind Kind, DateOnly? From = null, DateOnly? To = null)
{
    public const string DateFormat = "yyyy-MM-dd";
    public static readonly PeriodChoice Today = new(PeriodKind.Today);
    public static readonly PeriodChoice Last90Days = new(PeriodKind.Last90Days);

    // Beyond these a local midnight can fall outside DateTimeOffset's range; nobody files alarms there anyway.
    private static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2100, 1, 1);

    /// <summary>
    /// Reads a choice from an address: anything unreadable means <paramref name="fallback"/> (today unless given), a reversed
    /// range is turned round.
    /// </summary>
    public static PeriodChoice Parse(string? kind, string? from, string? to, PeriodChoice? fallback = null)
    {
        // Names only: Enum.TryParse would also take numbers and comma-joined flags.
        var named = Enum.GetValues<PeriodKind>().Where(v => v.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase));
        if (named.Select(v => (PeriodKind?)v).FirstOrDefault() is not { } k) return fallback ?? Today;
        if (k != PeriodKind.Custom) return new(k);
        var (f, t) = (ParseDate(from), ParseDate(to));
        if (f is null && t is null) return fallback ?? Today;
        var (a, b) = (f ?? t!.Value, t ?? f!.Value);
        return a <= b ? new(k, a, b) : new(k, b, a);
    }

    public static PeriodChoice Custom(DateOnly from, DateOnly to) =>
        Parse(nameof(PeriodKind.Custom), from.ToString(DateFormat, CultureInfo.InvariantCulture), to.ToString(DateFormat, CultureInfo.InvariantCulture));

    public string Code => Kind.ToString().ToLowerInvariant();

    /// <summary>The local days this choice covers, cut into UTC instants: [first day's midnight, the midnight after the last).</summary>
    public Period Resolve(LocalCalendar calendar)
    {
        var today = DateOnly.FromDateTime(calendar.Now.DateTime);
        var (first, last) = Kind switch
        {
            PeriodKind.Yesterday => (today.AddDays(-1), today.AddDays(-1)),
            PeriodKind.Last7Days => (today.AddDays(-6), today),
            PeriodKind.ThisMonth => (new DateOnly(today.Year, today.Month, 1), today),
            PeriodKind.Last90Days => (today.AddDays(-89), today),
            PeriodKind.Custom => (From ?? today, To ?? From ?? today),
            _ => (today, today),
        };
        return new Period(calendar.StartOf(first), calendar.StartOf(last.AddDays(1)));
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d >= Earliest && d < Latest
            ? d : null;
}
