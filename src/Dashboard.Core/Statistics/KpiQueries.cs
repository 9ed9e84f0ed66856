using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

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

public sealed class KpiQueries(IDbContextFactory<DashboardDbContext> dbFactory, LocalCalendar calendar, TimeProvider clock)
{
    /// <param name="period">The current period; "today so far" compares with yesterday up to the same time.</param>
    public async Task<KpiSnapshot> ComputeAsync(JurisdictionScope scope, Period period, string? category = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarms = db.Alarms.AsNoTracking().InScope(scope);
        if (category is not null) alarms = alarms.Where(a => a.Category == category);

        var buckets = db.AlarmBuckets.AsNoTracking().InScope(scope);
        if (category is not null) buckets = buckets.Where(b => b.Category == category);
        var current = await CountByCategoryAsync(alarms, buckets, period, ct);
        var previous = await CountByCategoryAsync(alarms, buckets, period.Previous, ct);
        var lastYear = await CountByCategoryAsync(alarms, buckets, period.LastYear(calendar), ct);
        var categories = AlarmCategories.All
            .Select(c => new CategoryComparison(c, current.GetValueOrDefault(c), previous.GetValueOrDefault(c), lastYear.GetValueOrDefault(c)))
            .ToList();

        var minutes = (await alarms.Where(a => a.ReceivedAt >= period.From && a.ReceivedAt < period.To && a.OnSceneAt != null)
                .Select(a => new { a.ReceivedAt, a.OnSceneAt }).ToListAsync(ct))
            .Select(a => (a.OnSceneAt!.Value - a.ReceivedAt).TotalMinutes).Where(m => m >= 0).Order().ToList();

        var now = clock.GetUtcNow();
        var disputes = db.Disputes.AsNoTracking().InScope(scope).Where(d => d.Status != DisputeStatus.Closed);
        return new KpiSnapshot(categories, Percentile(minutes, 0.5), Percentile(minutes, 0.9), minutes.Count,
            await db.Warnings.AsNoTracking().InScope(scope).CountAsync(w => w.State != Warnings.WarningState.Closed, ct),
            await disputes.CountAsync(ct),
            await disputes.CountAsync(d => d.Deadline != null && d.Deadline < now, ct),
            await disputes.CountAsync(d => d.Risk == RiskColor.Red, ct));
    }

    /// <summary>
    /// Whole hours from the buckets, the ragged ends (a period starting or stopping inside an hour, such as "now") from the
    /// raw rows: a year of alarms costs a few hundred bucket rows, not a scan.
    /// </summary>
    private static async Task<Dictionary<string, int>> CountByCategoryAsync(
        IQueryable<Alarm> alarms, IQueryable<AlarmBucket> buckets, Period period, CancellationToken ct)
    {
        var firstHour = AlarmBucket.HourOf(period.From) == period.From ? period.From : AlarmBucket.HourOf(period.From).AddHours(1);
        var lastHour = AlarmBucket.HourOf(period.To);
        if (firstHour >= lastHour) return await RawAsync(alarms, period.From, period.To, ct);

        var counts = await buckets.Where(b => b.Hour >= firstHour && b.Hour < lastHour)
            .GroupBy(b => b.Category).Select(g => new { g.Key, Count = g.Sum(b => b.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        foreach (var (from, to) in new[] { (period.From, firstHour), (lastHour, period.To) })
            foreach (var (key, count) in from < to ? await RawAsync(alarms, from, to, ct) : [])
                counts[key] = counts.GetValueOrDefault(key) + count;
        return counts;
    }

    private static async Task<Dictionary<string, int>> RawAsync(IQueryable<Alarm> alarms, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        await alarms.Where(a => a.ReceivedAt >= from && a.ReceivedAt < to)
            .GroupBy(a => a.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
