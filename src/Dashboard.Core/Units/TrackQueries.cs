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
        var fixes = await db.PositionHistory.AsNoTracking().Where(p => p.UnitId == unitId && p.At >= from && p.At < to)
            .OrderBy(p => p.At).Take(MaxPoints).Select(p => new { p.Lat, p.Lon, p.At, p.SpeedKmh }).ToListAsync(ct);
        return fixes.Select(f => new double?[] { f.Lat, f.Lon, f.At.ToUnixTimeMilliseconds(), f.SpeedKmh }).ToList();
    }
}
