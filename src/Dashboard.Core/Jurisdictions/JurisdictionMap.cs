using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO;

namespace Dashboard.Core.Jurisdictions;

/// <summary>Where a point lies: the grid and its ancestors.</summary>
public sealed record GridLocation(int GridId, string GridCode, string CommunityCode, string StationCode, string Path);

/// <summary>
/// The jurisdiction tree held in memory with a spatial index over grid polygons, so that assigning an alarm to its
/// grid costs an index probe rather than a query. Reloaded when the tree changes.
/// </summary>
public sealed class JurisdictionMap(IDbContextFactory<DashboardDbContext> dbFactory) : IDisposable
{
    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async Task<GridLocation?> LocateAsync(double lat, double lon, CancellationToken ct = default)
    {
        var snapshot = await GetAsync(ct);
        var point = new Point(lon, lat);
        foreach (var candidate in snapshot.Index.Query(point.EnvelopeInternal))
        {
            if (candidate.Polygon.Covers(point)) return candidate.Location;
        }
        return null;
    }

    public async Task<JurisdictionNode?> FindAsync(string code, CancellationToken ct = default) =>
        (await GetAsync(ct)).ByCode.GetValueOrDefault(code);

    public async Task<IReadOnlyList<JurisdictionNode>> NodesAsync(CancellationToken ct = default) =>
        (await GetAsync(ct)).Nodes;

    /// <summary>The stations within a scope, for a filter: one for a station chief, all of them for the township.</summary>
    public async Task<IReadOnlyList<JurisdictionNode>> StationsAsync(JurisdictionScope scope, CancellationToken ct = default) =>
        (await GetAsync(ct)).Nodes.Where(n => n.Level == JurisdictionLevel.Station && scope.Contains(n.Path)).OrderBy(n => n.Code).ToList();

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _loading.Dispose();

    private async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        if (_snapshot is { } current) return current;
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } loaded) return loaded;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var nodes = await db.Jurisdictions.AsNoTracking().OrderBy(n => n.Path).ToListAsync(ct);
            return _snapshot = Snapshot.Build(nodes);
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Candidate(IPreparedGeometry Polygon, GridLocation Location);

    private sealed record Snapshot(
        IReadOnlyList<JurisdictionNode> Nodes, Dictionary<string, JurisdictionNode> ByCode, STRtree<Candidate> Index)
    {
        public static Snapshot Build(List<JurisdictionNode> nodes)
        {
            var byCode = nodes.ToDictionary(n => n.Code, StringComparer.Ordinal);
            var reader = new WKTReader();
            var index = new STRtree<Candidate>();
            foreach (var grid in nodes.Where(n => n.Level == JurisdictionLevel.Grid && n.BoundaryWkt is not null))
            {
                var codes = grid.Path.Trim('/').Split('/');
                if (codes.Length < 4) continue;
                var polygon = reader.Read(grid.BoundaryWkt);
                var location = new GridLocation(grid.Id, grid.Code, codes[^2], codes[^3], grid.Path);
                index.Insert(polygon.EnvelopeInternal, new Candidate(PreparedGeometryFactory.Prepare(polygon), location));
            }
            index.Build();
            return new Snapshot(nodes, byCode, index);
        }
    }
}
