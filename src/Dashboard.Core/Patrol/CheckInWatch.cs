using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Patrol;

/// <summary>
/// Turns positions into check-ins (打卡) at must-visit points: a unit inside a point's radius for its dwell time checks in
/// once per visit. Points sit in a coarse lat/lon grid in memory, so a position is compared with the few points near it.
/// </summary>
public sealed class CheckInWatch(IDbContextFactory<DashboardDbContext> dbFactory)
{
    private const double CellDegrees = 0.005; // ~550 m: larger than any radius, so the 3×3 cells around a unit cover it
    private const double MaxRadiusMeters = 500;

    private volatile Dictionary<(int, int), List<PatrolPoint>> _cells = [];
    // Per unit inside a point right now, the points and since when; any fix outside a point ends that visit. A unit
    // near no point has no entry. Batches come one at a time, so one lock a batch is never contended.
    private readonly Dictionary<string, Dictionary<string, Visit>> _visits = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private sealed class Visit(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;
        public bool CheckedIn { get; set; }
    }

    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var points = await db.PatrolPoints.AsNoTracking().ToListAsync(ct);
        _cells = points.GroupBy(p => Cell(p.Lat, p.Lon)).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The check-ins these positions complete; the caller stores them.</summary>
    public IReadOnlyList<PatrolCheckIn> Observe(IReadOnlyList<UnitMoved> moves)
    {
        var cells = _cells;
        if (cells.Count == 0) return [];
        List<PatrolCheckIn>? done = null;
        lock (_gate)
        {
            foreach (var move in moves)
            {
                if (move.Kind == UnitKind.HeavyVehicle) continue;
                List<PatrolPoint>? inside = null;
                foreach (var p in Near(cells, move.Lat, move.Lon))
                    if (GeoDistance.Meters(move.Lat, move.Lon, p.Lat, p.Lon) <= Math.Min(p.RadiusMeters, MaxRadiusMeters)) (inside ??= []).Add(p);
                if (inside is null) { _visits.Remove(move.UnitCode); continue; }
                if (!_visits.TryGetValue(move.UnitCode, out var visits)) _visits[move.UnitCode] = visits = new(StringComparer.Ordinal);
                foreach (var left in visits.Keys.Where(code => inside.All(p => p.Code != code)).ToList()) visits.Remove(left);
                foreach (var point in inside)
                {
                    if (!visits.TryGetValue(point.Code, out var visit)) visits[point.Code] = visit = new Visit(move.At);
                    if (visit.CheckedIn || move.At - visit.Since < TimeSpan.FromSeconds(point.DwellSeconds)) continue;
                    visit.CheckedIn = true;
                    (done ??= []).Add(new PatrolCheckIn { PointCode = point.Code, UnitCode = move.UnitCode, At = move.At.ToUniversalTime() });
                }
            }
        }
        return done ?? (IReadOnlyList<PatrolCheckIn>)[];
    }

    public async Task StoreAsync(IReadOnlyList<PatrolCheckIn> checkIns, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.PatrolCheckIns.AddRange(checkIns);
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<PatrolPoint> Near(Dictionary<(int, int), List<PatrolPoint>> cells, double lat, double lon)
    {
        var (row, column) = Cell(lat, lon);
        for (var r = row - 1; r <= row + 1; r++)
            for (var c = column - 1; c <= column + 1; c++)
                if (cells.TryGetValue((r, c), out var points)) foreach (var p in points) yield return p;
    }

    private static (int, int) Cell(double lat, double lon) => ((int)Math.Floor(lat / CellDegrees), (int)Math.Floor(lon / CellDegrees));
}
