using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Statistics;

public sealed record ResponseSummary(double? Median, double? P90, int Samples);

/// <summary>Response times per whole minute; percentiles read as the middle of their minute.</summary>
public sealed class ResponseHistogram
{
    private readonly int[] _bins = new int[ResponseBucket.MaxMinute + 1];

    public int Count { get; private set; }

    public IReadOnlyList<int> Bins => _bins;

    public void Add(int minute, int count)
    {
        _bins[Math.Clamp(minute, 0, ResponseBucket.MaxMinute)] += count;
        Count += count;
    }

    /// <summary>Nearest-rank percentile; null when empty.</summary>
    public double? Percentile(double p)
    {
        if (Count == 0) return null;
        var rank = Math.Max(1, (int)Math.Ceiling(p * Count));
        for (int minute = 0, seen = 0; minute < _bins.Length; minute++)
            if ((seen += _bins[minute]) >= rank) return minute == ResponseBucket.MaxMinute ? minute : minute + 0.5;
        return ResponseBucket.MaxMinute;
    }
}

/// <summary>
/// Response times (received → first unit on scene) of the alarms received in a period. A period inside one day ("today
/// so far") is read exactly from its rows; a longer one from the day histograms plus the rows at its ends, to the minute.
/// A category filter has no histogram and reads the rows.
/// </summary>
public sealed class ResponseTimes(IDbContextFactory<DashboardDbContext> dbFactory, AlarmCounts counts)
{
    public async Task<ResponseSummary> SummaryAsync(JurisdictionScope scope, Period period, string? category = null, CancellationToken ct = default)
    {
        var pieces = counts.Split(period.From, period.To).ToList();
        var days = pieces.SingleOrDefault(p => p.Span == BucketSpan.Day);
        if (category is not null || days.Span is null || JurisdictionPaths.Depth(scope.Path) > AlarmBucket.HourlyDepth)
        {
            var minutes = (await RawAsync(scope, period.From, period.To, category, ct)).Select(r => r.Minutes).Order().ToList();
            return new ResponseSummary(KpiQueries.Percentile(minutes, 0.5), KpiQueries.Percentile(minutes, 0.9), minutes.Count);
        }

        var histogram = new ResponseHistogram();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            foreach (var bin in await db.ResponseBuckets.AsNoTracking()
                         .Where(b => b.JurisdictionPath == scope.Path && b.Day >= days.From && b.Day < days.To)
                         .GroupBy(b => b.Minute).Select(g => new { g.Key, Count = g.Sum(b => b.Count) }).ToListAsync(ct))
                histogram.Add(bin.Key, bin.Count);
        foreach (var (_, from, to) in pieces.Where(p => p.Span != BucketSpan.Day))
            foreach (var (_, minutes) in await RawAsync(scope, from, to, null, ct))
                histogram.Add((int)Math.Floor(minutes), 1);
        return new ResponseSummary(histogram.Percentile(0.5), histogram.Percentile(0.9), histogram.Count);
    }

    /// <summary>
    /// Histograms per node at <paramref name="depth"/> inside the scope (the scope itself at its own depth); responses to
    /// alarms placed above that depth are kept under the scope's path.
    /// </summary>
    public async Task<Dictionary<string, ResponseHistogram>> HistogramsAsync(
        JurisdictionScope scope, Period period, int depth, string? category = null, CancellationToken ct = default)
    {
        var result = new Dictionary<string, ResponseHistogram>(StringComparer.Ordinal);
        void Add(string path, int minute, int count)
        {
            if (!result.TryGetValue(path, out var histogram)) result[path] = histogram = new ResponseHistogram();
            histogram.Add(minute, count);
        }
        var scopeDepth = JurisdictionPaths.Depth(scope.Path);
        var fromBuckets = category is null && depth <= AlarmBucket.HourlyDepth;
        foreach (var (span, from, to) in counts.Split(period.From, period.To))
        {
            if (fromBuckets && span == BucketSpan.Day)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var days = db.ResponseBuckets.AsNoTracking().Where(b => b.Day >= from && b.Day < to && b.JurisdictionPath.StartsWith(scope.Path));
                var placed = await days.Where(b => b.Depth == depth)
                    .GroupBy(b => new { b.JurisdictionPath, b.Minute }).Select(g => new { g.Key.JurisdictionPath, g.Key.Minute, Count = g.Sum(b => b.Count) })
                    .ToListAsync(ct);
                foreach (var bin in placed) Add(bin.JurisdictionPath, bin.Minute, bin.Count);
                if (depth == scopeDepth) continue;
                foreach (var bin in await days.Where(b => b.Depth == scopeDepth)
                             .GroupBy(b => b.Minute).Select(g => new { g.Key, Count = g.Sum(b => b.Count) }).ToListAsync(ct))
                    if (bin.Count - placed.Where(p => p.Minute == bin.Key).Sum(p => p.Count) is var rest and > 0) Add(scope.Path, bin.Key, rest);
                continue;
            }
            foreach (var (path, minutes) in await RawAsync(scope, from, to, category, ct))
                Add(JurisdictionPaths.AncestorAt(path, depth) ?? scope.Path, (int)Math.Floor(minutes), 1);
        }
        return result;
    }

    private async Task<List<(string Path, double Minutes)>> RawAsync(JurisdictionScope scope, DateTimeOffset from, DateTimeOffset to, string? category, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarms = db.Alarms.AsNoTracking().InScope(scope).Where(a => a.ReceivedAt >= from && a.ReceivedAt < to && a.OnSceneAt != null);
        if (category is not null) alarms = alarms.Where(a => a.Category == category);
        return (await alarms.Select(a => new { a.ReceivedAt, a.OnSceneAt, a.JurisdictionPath }).ToListAsync(ct))
            .Select(a => (a.JurisdictionPath, Minutes: (a.OnSceneAt!.Value - a.ReceivedAt).TotalMinutes)).Where(a => a.Minutes >= 0).ToList();
    }
}
