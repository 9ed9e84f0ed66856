using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Units;

public sealed record UnitChoice(string Code, string Name);

/// <summary>
/// A unit's track (轨迹) for replay: fixes in time order, at most <see cref="MaxPoints"/> of them. A range holding more is
/// thinned evenly over the whole range, keeping its last fix, rather than cut off after its first hours.
/// </summary>
public sealed class TrackQueries(IDbContextFactory<DashboardDbContext> dbFactory, int maxPoints = TrackQueries.MaxPoints)
{
    public const int MaxPoints = 20_000;

    public async Task<IReadOnlyList<UnitChoice>> UnitsAsync(JurisdictionScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().InScope(scope).OrderBy(u => u.Code).Select(u => new UnitChoice(u.Code, u.Name)).ToListAsync(ct);
    }

    /// <summary>[lat, lon, unix ms, speed] per fix; empty when the unit is unknown or outside the scope.</summary>
    public async Task<IReadOnlyList<double?[]>> TrackAsync(
        string unitCode, DateTimeOffset from, DateTimeOffset to, JurisdictionScope scope, CancellationToken ct = default)
    {
        // Stored times are UTC, and SQLite compares them as encoded numbers: bounds must be UTC too.
        (from, to) = (from.ToUniversalTime(), to.ToUniversalTime());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitId = await db.Units.AsNoTracking().InScope(scope).Where(u => u.Code == unitCode).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (unitId is null) return [];
        // The history is indexed by (bucket, unit, time): the buckets of the range are named, a few hours' worth a query.
        IQueryable<PositionSample> Fixes(DateTimeOffset start, DateTimeOffset end)
        {
            var buckets = BucketsOf(start, end);
            return db.PositionHistory.AsNoTracking()
                .Where(p => EF.Parameter(buckets).Contains(p.Bucket) && p.UnitId == unitId && p.At >= start && p.At < end);
        }
        var chunks = Chunks(from, to).ToList();
        var total = 0;
        foreach (var (start, end) in chunks) total += await Fixes(start, end).CountAsync(ct);
        // Fixes still arriving at the end of the range may outnumber the count a little; the track stays within bounds.
        var stride = Math.Max(1, (total + maxPoints - 1) / maxPoints);

        var track = new List<double?[]>(Math.Min(total, maxPoints));
        double?[]? last = null;
        var index = 0;
        foreach (var (start, end) in chunks)
        {
            await foreach (var f in Fixes(start, end).OrderBy(p => p.At).Select(p => new { p.Lat, p.Lon, p.At, p.SpeedKmh }).AsAsyncEnumerable().WithCancellation(ct))
            {
                last = [f.Lat, f.Lon, f.At.ToUnixTimeMilliseconds(), f.SpeedKmh];
                if (index++ % stride == 0 && track.Count < maxPoints) track.Add(last);
            }
        }
        if (last is not null && track[^1] != last)
        {
            if (track.Count == maxPoints) track[^1] = last;
            else track.Add(last);
        }
        return track;
    }

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Chunks(DateTimeOffset from, DateTimeOffset to)
    {
        for (var start = from; start < to; start += ChunkSpan) yield return (start, start + ChunkSpan < to ? start + ChunkSpan : to);
    }

    private static readonly TimeSpan ChunkSpan = TimeSpan.FromHours(6);

    private static List<long> BucketsOf(DateTimeOffset from, DateTimeOffset to)
    {
        var (first, last) = (PositionSample.BucketOf(from), PositionSample.BucketOf(to));
        var buckets = new List<long>((int)(last - first + 1));
        for (var b = first; b <= last; b++) buckets.Add(b);
        return buckets;
    }
}
