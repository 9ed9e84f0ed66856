using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Statistics;

public sealed record PlaceCount(string Path, string Category, int Count);

/// <summary>
/// Alarm counts of a jurisdiction over any period, read from the buckets: the whole local days inside it from day
/// buckets, whole hours at its ends from hour buckets, and only the minutes left over (a period ending "now") from raw rows.
/// </summary>
public sealed class AlarmCounts(IDbContextFactory<DashboardDbContext> dbFactory, LocalCalendar calendar)
{
    public async Task<Dictionary<string, int>> ByCategoryAsync(
        JurisdictionScope scope, Period period, string? category = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var buckets = db.AlarmBuckets.AsNoTracking().Where(b => b.JurisdictionPath == scope.Path);
        var alarms = db.Alarms.AsNoTracking().InScope(scope);
        if (category is not null) (buckets, alarms) = (buckets.Where(b => b.Category == category), alarms.Where(a => a.Category == category));

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var hourly = JurisdictionPaths.Depth(scope.Path) <= AlarmBucket.HourlyDepth;
        foreach (var (span, from, to) in Split(period.From, period.To))
        {
            // A grid has no hour buckets; its few alarms at the ends of a period are counted from the rows.
            var part = span is { } s && (s == BucketSpan.Day || hourly)
                ? await buckets.Where(b => b.Span == s && b.Start >= from && b.Start < to)
                    .GroupBy(b => b.Category).Select(g => new { g.Key, Count = g.Sum(b => b.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
                : await alarms.Where(a => a.ReceivedAt >= from && a.ReceivedAt < to)
                    .GroupBy(a => a.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            foreach (var (key, count) in part) counts[key] = counts.GetValueOrDefault(key) + count;
        }
        return counts;
    }

    /// <summary>
    /// The period's alarms per node at <paramref name="depth"/> inside the scope (its stations, communities or grids) and
    /// per category. Alarms placed above that depth — on the scope's own node, without a grid — count under the scope's path.
    /// </summary>
    public async Task<List<PlaceCount>> ByPlaceAsync(
        JurisdictionScope scope, Period period, int depth, string? category = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var buckets = db.AlarmBuckets.AsNoTracking().Where(b => b.Depth == depth && b.JurisdictionPath.StartsWith(scope.Path));
        var alarms = db.Alarms.AsNoTracking().InScope(scope);
        if (category is not null) (buckets, alarms) = (buckets.Where(b => b.Category == category), alarms.Where(a => a.Category == category));

        var rows = new List<PlaceCount>();
        foreach (var (span, from, to) in Split(period.From, period.To))
        {
            if (span is { } s && (s == BucketSpan.Day || depth <= AlarmBucket.HourlyDepth))
                rows.AddRange(await buckets.Where(b => b.Span == s && b.Start >= from && b.Start < to)
                    .GroupBy(b => new { b.JurisdictionPath, b.Category })
                    .Select(g => new PlaceCount(g.Key.JurisdictionPath, g.Key.Category, g.Sum(b => b.Count))).ToListAsync(ct));
            else
                rows.AddRange((await alarms.Where(a => a.ReceivedAt >= from && a.ReceivedAt < to)
                        .Select(a => new { a.JurisdictionPath, a.Category }).ToListAsync(ct))
                    .Select(a => (Path: JurisdictionPaths.AncestorAt(a.JurisdictionPath, depth), a.Category)).Where(a => a.Path is not null)
                    .Select(a => new PlaceCount(a.Path!, a.Category, 1)));
        }
        var placed = rows.GroupBy(r => (r.Path, r.Category)).Select(g => new PlaceCount(g.Key.Path, g.Key.Category, g.Sum(r => r.Count))).ToList();
        if (depth <= JurisdictionPaths.Depth(scope.Path)) return placed;
        foreach (var (key, total) in await ByCategoryAsync(scope, period, category, ct))
        {
            var rest = total - placed.Where(p => p.Category == key).Sum(p => p.Count);
            if (rest > 0) placed.Add(new PlaceCount(scope.Path, key, rest));
        }
        return placed;
    }

    /// <summary>The scope's alarms per span (hour or local day) starting in [from, to), whole spans only.</summary>
    public async Task<List<(DateTimeOffset Start, int Count)>> SeriesAsync(
        JurisdictionScope scope, BucketSpan span, DateTimeOffset from, DateTimeOffset to, string? category = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (span == BucketSpan.Hour && JurisdictionPaths.Depth(scope.Path) > AlarmBucket.HourlyDepth)
        {
            var alarms = db.Alarms.AsNoTracking().InScope(scope).Where(a => a.ReceivedAt >= from && a.ReceivedAt < to);
            if (category is not null) alarms = alarms.Where(a => a.Category == category);
            return (await alarms.Select(a => a.ReceivedAt).ToListAsync(ct)).GroupBy(AlarmBucket.HourOf).Select(g => (g.Key, g.Count())).ToList();
        }
        var buckets = db.AlarmBuckets.AsNoTracking().Where(b => b.JurisdictionPath == scope.Path && b.Span == span && b.Start >= from && b.Start < to);
        if (category is not null) buckets = buckets.Where(b => b.Category == category);
        return (await buckets.GroupBy(b => b.Start).Select(g => new { g.Key, Count = g.Sum(b => b.Count) }).ToListAsync(ct))
            .Select(g => (g.Key, g.Count)).ToList();
    }

    /// <summary>
    /// Cuts [from, to) into the whole local days inside it, the whole hours around those, and the raw rest (span null),
    /// leaving out empty pieces.
    /// </summary>
    public IEnumerable<(BucketSpan? Span, DateTimeOffset From, DateTimeOffset To)> Split(DateTimeOffset from, DateTimeOffset to)
    {
        var firstDay = calendar.DayOf(from).Start == from ? from : calendar.DayOf(from).End;
        var lastDay = calendar.DayOf(to).Start;
        if (firstDay < lastDay)
        {
            yield return (BucketSpan.Day, firstDay, lastDay);
            foreach (var piece in Hours(from, firstDay).Concat(Hours(lastDay, to))) yield return piece;
        }
        else foreach (var piece in Hours(from, to)) yield return piece;
    }

    private static IEnumerable<(BucketSpan? Span, DateTimeOffset From, DateTimeOffset To)> Hours(DateTimeOffset from, DateTimeOffset to)
    {
        if (from >= to) yield break;
        var firstHour = AlarmBucket.HourOf(from) == from ? from : AlarmBucket.HourOf(from).AddHours(1);
        var lastHour = AlarmBucket.HourOf(to);
        if (firstHour >= lastHour)
        {
            yield return (null, from, to);
            yield break;
        }
        yield return (BucketSpan.Hour, firstHour, lastHour);
        if (from < firstHour) yield return (null, from, firstHour);
        if (lastHour < to) yield return (null, lastHour, to);
    }
}
