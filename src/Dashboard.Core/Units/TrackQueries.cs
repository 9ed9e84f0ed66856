using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Units;

public sealed record UnitChoice(string Code, string Name);

/// <summary>A unit's track (轨迹) for replay: fixes in time order, at most <see cref="MaxPoints"/> of them.</summary>
public sealed class TrackQueries(IDbContextFactory<DashboardDbContext> dbFactory)
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
        // The history is indexed by (bucket, unit, time): the buckets of the range are named, a few hours' worth a query,
        // until the range or the points allowed run out.
        var track = new List<double?[]>();
        for (var start = from; start < to && track.Count < MaxPoints; start += ChunkSpan)
        {
            var end = start + ChunkSpan < to ? start + ChunkSpan : to;
            var buckets = BucketsOf(start, end);
            var fixes = await db.PositionHistory.AsNoTracking()
                .Where(p => EF.Parameter(buckets).Contains(p.Bucket) && p.UnitId == unitId && p.At >= start && p.At < end)
                .OrderBy(p => p.At).Take(MaxPoints - track.Count).Select(p => new { p.Lat, p.Lon, p.At, p.SpeedKmh }).ToListAsync(ct);
            track.AddRange(fixes.Select(f => new double?[] { f.Lat, f.Lon, f.At.ToUnixTimeMilliseconds(), f.SpeedKmh }));
        }
        return track;
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
