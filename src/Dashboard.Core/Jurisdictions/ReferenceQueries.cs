using Dashboard.Core.Data;
using Dashboard.Core.Patrol;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dashboard.Core.Jurisdictions;

public sealed class ReferenceQueries(IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map)
{
    public async Task<ReferenceData> BuildAsync(JurisdictionScope scope, CancellationToken ct = default)
    {
        var nodes = (await map.NodesAsync(ct)).Where(n => scope.Contains(n.Path)).ToList();
        var root = nodes.FirstOrDefault() ?? throw new InvalidOperationException("scope without nodes");
        var byId = nodes.ToDictionary(n => n.Id);
        string ParentCode(JurisdictionNode n) => n.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Code : "";

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().InScope(scope).OrderBy(u => u.Code)
            .Select(u => new ReferenceUnit(u.Code, u.Name, u.Kind.ToString(), u.StationCode)).ToListAsync(ct);
        var reader = new WKTReader();
        var fences = await db.Geofences.AsNoTracking().InScope(scope).Where(f => f.Enabled).OrderBy(f => f.Code).ToListAsync(ct);
        var points = await db.PatrolPoints.AsNoTracking().InScope(scope).OrderBy(p => p.Code)
            .Select(p => new ReferencePatrolPoint(p.Code, p.Lat, p.Lon, p.RadiusMeters, p.DwellSeconds, p.GridCode, p.ShiftWindows))
            .ToListAsync(ct);
        return new ReferenceData(
            new ReferenceNode(root.Code, root.Name),
            nodes.Where(n => n.Level == JurisdictionLevel.Station).Select(n => new ReferenceStation(n.Code, n.Name, n.CenterLat, n.CenterLon)).ToList(),
            nodes.Where(n => n.Level == JurisdictionLevel.Community).Select(n => new ReferenceCommunity(n.Code, n.Name, ParentCode(n))).ToList(),
            nodes.Where(n => n.Level == JurisdictionLevel.Grid && n.BoundaryWkt is not null).Select(n =>
            {
                var community = byId.GetValueOrDefault(n.ParentId ?? 0);
                var ring = ((Polygon)reader.Read(n.BoundaryWkt)).ExteriorRing.Coordinates.Select(c => new[] { c.X, c.Y }).ToList();
                return new ReferenceGrid(n.Code, n.Name, community?.Code ?? "", community is null ? "" : ParentCode(community), ring);
            }).ToList(),
            units,
            fences.Select(f => new ReferenceGeofence(f.Code, f.Kind.ToString(), Split(f.UnitKinds), Split(f.UnitCodes),
                OuterRing(reader.Read(f.BoundaryWkt)))).ToList(),
            points);
    }

    /// <summary>A fence's outline; of a multi-part fence, the largest part's (enough to drive into or out of it).</summary>
    private static List<double[]> OuterRing(Geometry fence)
    {
        var largest = Enumerable.Range(0, fence.NumGeometries).Select(fence.GetGeometryN).OfType<Polygon>().MaxBy(p => p.Area);
        return largest?.ExteriorRing.Coordinates.Select(c => new[] { c.X, c.Y }).ToList() ?? [];
    }

    private static List<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
