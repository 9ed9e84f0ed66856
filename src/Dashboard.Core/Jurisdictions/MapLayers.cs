using System.Collections.Concurrent;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dashboard.Core.Jurisdictions;

public sealed record MapGrid(string Code, string Name, IReadOnlyList<double[]> Ring);
public sealed record MapLabel(string Name, double Lat, double Lon);
public sealed record MapPatrolPoint(string Code, string Name, double Lat, double Lon, double Radius);

/// <summary>The jurisdiction's own vector layers, drawn when no tile server is configured (and over tiles when one is).</summary>
public sealed record MapLayerData(IReadOnlyList<MapGrid> Grids, IReadOnlyList<MapLabel> Labels, IReadOnlyList<MapPatrolPoint> PatrolPoints)
{
    public (double Lat, double Lon) Center => Grids.Count == 0 ? (0, 0)
        : (Grids.SelectMany(g => g.Ring).Average(p => p[1]), Grids.SelectMany(g => g.Ring).Average(p => p[0]));
}

/// <summary>Builds the layers once per scope: they change only when the tree does.</summary>
public sealed class MapLayers(IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map)
{
    private readonly ConcurrentDictionary<string, Task<MapLayerData>> _cache = new();

    public Task<MapLayerData> ForAsync(JurisdictionScope scope) => _cache.GetOrAdd(scope.Path, _ => BuildAsync(scope));

    public void Invalidate() => _cache.Clear();

    private async Task<MapLayerData> BuildAsync(JurisdictionScope scope)
    {
        var reader = new WKTReader();
        var nodes = (await map.NodesAsync()).Where(n => scope.Contains(n.Path)).ToList();
        var grids = nodes.Where(n => n is { Level: JurisdictionLevel.Grid, BoundaryWkt: not null })
            .Select(n => new MapGrid(n.Code, n.Name, ((Polygon)reader.Read(n.BoundaryWkt)).ExteriorRing.Coordinates
                .Select(c => new[] { Math.Round(c.X, 6), Math.Round(c.Y, 6) }).ToList()))
            .ToList();
        var labels = nodes.Where(n => n is { Level: JurisdictionLevel.Community, CenterLat: not null, CenterLon: not null })
            .Select(n => new MapLabel(n.Name, n.CenterLat!.Value, n.CenterLon!.Value)).ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        var points = await db.PatrolPoints.AsNoTracking().InScope(scope)
            .Select(p => new MapPatrolPoint(p.Code, p.Name, p.Lat, p.Lon, p.RadiusMeters)).ToListAsync();
        return new MapLayerData(grids, labels, points);
    }
}
