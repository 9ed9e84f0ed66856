using System.Collections.Concurrent;
using Dashboard.Core.Data;
using Dashboard.Core.Live;
using Dashboard.Core.Units;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;

namespace Dashboard.Core.Warnings;

/// <summary>
/// 电子围栏: checks every position against the fences in memory (prepared polygons, envelope first) and fires on the
/// crossing only — a unit entering a zone its kind is kept out of, or a patrol unit leaving its area. Positions arrive
/// at thousands a second, so nothing here touches the database; <see cref="RefreshAsync"/> reloads the fences.
/// </summary>
public sealed class GeofenceWatch(IDbContextFactory<DashboardDbContext> dbFactory)
{
    private volatile IReadOnlyList<Fence> _fences = [];
    private volatile bool _enabled;
    // Last side of each fence a unit was seen on: a warning fires when that changes the wrong way, not on every fix.
    private readonly ConcurrentDictionary<(string Unit, string Fence), bool> _inside = new();

    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        _enabled = await db.WarningModels.AnyAsync(m => m.Code == ModelCodes.Geofence && m.Enabled, ct);
        var reader = new WKTReader();
        var fences = await db.Geofences.AsNoTracking().Where(f => f.Enabled).ToListAsync(ct);
        _fences = fences.Select(f => Fence.Of(f, reader.Read(f.BoundaryWkt))).ToList();
    }

    public IReadOnlyList<WarningFiring> Check(IReadOnlyList<UnitMoved> moves)
    {
        var fences = _fences;
        if (!_enabled || fences.Count == 0) return [];
        List<WarningFiring>? firings = null;
        foreach (var move in moves)
        {
            foreach (var fence in fences)
            {
                if (!fence.Concerns(move)) continue;
                var inside = fence.Contains(move.Lat, move.Lon);
                var before = _inside.TryGetValue((move.UnitCode, fence.Code), out var was) ? was : (bool?)null;
                _inside[(move.UnitCode, fence.Code)] = inside;
                if (before == inside || inside != (fence.Kind == GeofenceKind.Forbidden)) continue;
                (firings ??= []).Add(Firing(fence, move));
            }
        }
        return firings ?? (IReadOnlyList<WarningFiring>)[];
    }

    private static WarningFiring Firing(Fence fence, UnitMoved move) => new(
        ModelCodes.Geofence, $"geofence:{fence.Code}:{move.UnitCode}", $"{move.UnitCode} · {fence.Name}", fence.JurisdictionPath,
        [new EvidenceItem(EvidenceItem.Unit, move.UnitCode, move.At, $"{fence.Kind}:{fence.Code} {move.Lat:0.000000},{move.Lon:0.000000}")],
        Lat: move.Lat, Lon: move.Lon);

    private sealed record Fence(string Code, string Name, GeofenceKind Kind, string JurisdictionPath, HashSet<UnitKind> Kinds,
        HashSet<string> Units, Envelope Envelope, IPreparedGeometry Polygon)
    {
        public static Fence Of(Geofence f, Geometry polygon) => new(f.Code, f.Name, f.Kind, f.JurisdictionPath,
            Split(f.UnitKinds).Select(k => Enum.TryParse<UnitKind>(k, out var kind) ? kind : (UnitKind?)null).OfType<UnitKind>().ToHashSet(),
            Split(f.UnitCodes).ToHashSet(StringComparer.Ordinal), polygon.EnvelopeInternal, PreparedGeometryFactory.Prepare(polygon));

        public bool Concerns(UnitMoved m) => Kind == GeofenceKind.Forbidden ? Kinds.Contains(m.Kind) : Units.Contains(m.UnitCode);

        public bool Contains(double lat, double lon) =>
            Envelope.Contains(lon, lat) && Polygon.Covers(new Point(lon, lat));

        private static IEnumerable<string> Split(string? list) =>
            (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
