using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;

namespace Dashboard.Core.Statistics;

public sealed record CategoryComparison(string Category, int Current, int Previous, int LastYear);

/// <summary>The headline figures of a period: alarms against the previous period (环比) and the same period last year (同比).</summary>
public sealed record KpiSnapshot(
    IReadOnlyList<CategoryComparison> Categories, double? ResponseMedianMinutes, double? ResponseP90Minutes, int ResponseSamples,
    int OpenWarnings, int DisputesOpen, int DisputesOverdue, int DisputesRed)
{
    public int Current => Categories.Sum(c => c.Current);
    public int Previous => Categories.Sum(c => c.Previous);
    public int LastYear => Categories.Sum(c => c.LastYear);
}

/// <summary>A period of time as a screen filters it: [From, To), both instants, held in UTC like the stored times.</summary>
public sealed record Period
{
    public Period(DateTimeOffset from, DateTimeOffset to) : this(from, to, to - from) { }

    private Period(DateTimeOffset from, DateTimeOffset to, TimeSpan step) =>
        (From, To, Step) = (from.ToUniversalTime(), to.ToUniversalTime(), step);

    public DateTimeOffset From { get; }
    public DateTimeOffset To { get; }

    // How far back the previous period lies: the whole length even when this one was cut short at "now".
    private TimeSpan Step { get; }

    public Period Previous => new(From - Step, To - Step, Step);

    /// <summary>The part up to <paramref name="now"/>: today so far compares with yesterday up to the same time, not all of it.</summary>
    public Period Until(DateTimeOffset now) => now > From && now < To ? new(From, now, Step) : this;

    public Period LastYear(LocalCalendar calendar) =>
        new(calendar.ToLocal(From).AddYears(-1).ToUniversalTime(), calendar.ToLocal(To).AddYears(-1).ToUniversalTime());

    public override string ToString() => $"[{From:u}, {To:u})";
}

public sealed class KpiQueries(AlarmCounts counts, ResponseTimes responses, CaseBuckets cases, LocalCalendar calendar)
{
    /// <param name="period">The current period; "today so far" compares with yesterday up to the same time.</param>
    /// <remarks>The backlog (open warnings, open, overdue and red disputes) is now, whatever the period; overdue counts the
    /// cases under supervision (督办), which the supervision scan marks within minutes of their deadline.</remarks>
    public async Task<KpiSnapshot> ComputeAsync(JurisdictionScope scope, Period period, string? category = null, CancellationToken ct = default)
    {
        var categories = await CompareAsync(scope, period, category, ct);
        var response = await responses.SummaryAsync(scope, period, category, ct);
        var backlog = await cases.BacklogAsync(scope, ct);
        return new KpiSnapshot(categories, response.Median, response.P90, response.Samples,
            backlog.WarningsOpen, backlog.DisputesOpen, backlog.DisputesSupervised, backlog.DisputesRed);
    }

    /// <summary>Alarms per category in the period, the previous period (环比) and the same period last year (同比).</summary>
    public async Task<IReadOnlyList<CategoryComparison>> CompareAsync(JurisdictionScope scope, Period period, string? category = null, CancellationToken ct = default)
    {
        var current = await counts.ByCategoryAsync(scope, period, category, ct);
        var previous = await counts.ByCategoryAsync(scope, period.Previous, category, ct);
        var lastYear = await counts.ByCategoryAsync(scope, period.LastYear(calendar), category, ct);
        return AlarmCategories.All
            .Select(c => new CategoryComparison(c, current.GetValueOrDefault(c), previous.GetValueOrDefault(c), lastYear.GetValueOrDefault(c)))
            .ToList();
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
