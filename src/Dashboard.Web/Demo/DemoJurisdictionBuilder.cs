using Dashboard.Core.Jurisdictions;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Dashboard.Web.Demo;

/// <summary>
/// A synthetic township: an outline, ~60 grid polygons that tile it exactly (a clipped Voronoi diagram), grouped into
/// ~20 communities and 3 stations by clustering, so every level is contiguous. Deterministic for a given seed.
/// </summary>
public sealed class DemoJurisdictionBuilder(int seed = 20261123)
{
    public const string TownshipCode = "T001";
    public const string TownshipName = "青湖镇";
    private const double CenterLat = 31.45, CenterLon = 120.62;

    private static readonly string[] StationNames = ["青湖派出所", "东港派出所", "北桥派出所"];
    private static readonly string[] CommunityNames =
    [
        "青湖社区", "湖滨社区", "渭南村", "渭西村", "朱家浜村", "桥角村", "东港社区", "港口村", "新塘村", "长泾村",
        "北桥社区", "北庄村", "石桥村", "荷花村", "永安社区", "幸福村", "南湖社区", "西山村", "沈巷村", "杨湾村",
    ];

    private readonly GeometryFactory _geometry = new(new PrecisionModel(1e7), 4326);

    public IReadOnlyList<JurisdictionNode> Build(int gridCount = 60, int communityCount = 20, int stationCount = 3)
    {
        var rng = new Random(seed);
        var township = Outline(rng);
        var gridCells = GridCells(township, gridCount, rng);
        var communityOf = Cluster(gridCells.Select(c => c.Centroid.Coordinate).ToList(), communityCount, rng);
        var communityCenters = Enumerable.Range(0, communityCount)
            .Select(c => Centroid(gridCells.Where((_, i) => communityOf[i] == c).Select(g => g.Centroid.Coordinate))).ToList();
        var stationOf = Cluster(communityCenters, stationCount, rng);

        var townshipNode = Node(TownshipCode, TownshipName, JurisdictionLevel.Township, null, township);
        townshipNode.Population = 0;
        var nodes = new List<JurisdictionNode> { townshipNode };
        var stations = Enumerable.Range(0, stationCount).Select(s =>
        {
            var area = Union(gridCells.Where((_, i) => stationOf[communityOf[i]] == s));
            return Node($"S{s + 1:000}", StationNames[s % StationNames.Length], JurisdictionLevel.Station, townshipNode, area);
        }).ToList();
        nodes.AddRange(stations);

        var gridNumber = 0;
        for (var c = 0; c < communityCount; c++)
        {
            var cells = gridCells.Where((_, i) => communityOf[i] == c).ToList();
            var community = Node($"C{c + 1:000}", CommunityNames[c % CommunityNames.Length], JurisdictionLevel.Community,
                stations[stationOf[c]], Union(cells));
            nodes.Add(community);
            for (var g = 0; g < cells.Count; g++)
            {
                var grid = Node($"G{++gridNumber:000}", $"{community.Name}第{g + 1}网格", JurisdictionLevel.Grid, community, cells[g]);
                grid.Population = rng.Next(1200, 2600);
                community.Population += grid.Population;
                nodes.Add(grid);
            }
        }
        foreach (var station in stations)
            station.Population = nodes.Where(n => n.Level == JurisdictionLevel.Community && n.Path.StartsWith(station.Path, StringComparison.Ordinal)).Sum(n => n.Population);
        townshipNode.Population = stations.Sum(s => s.Population);
        return nodes;
    }

    private Polygon Outline(Random rng)
    {
        var points = Enumerable.Range(0, 16).Select(i =>
        {
            var angle = 2 * Math.PI * i / 16;
            var radius = 1 + (rng.NextDouble() - 0.5) * 0.35;
            return new Coordinate(CenterLon + 0.065 * radius * Math.Cos(angle), CenterLat + 0.05 * radius * Math.Sin(angle));
        }).ToArray();
        return (Polygon)_geometry.CreateMultiPointFromCoords(points).ConvexHull();
    }

    /// <summary>Voronoi cells of well-spread seeds (two Lloyd passes), clipped to the outline: no gaps, no overlaps.</summary>
    private List<Geometry> GridCells(Polygon township, int count, Random rng)
    {
        var env = township.EnvelopeInternal;
        var sites = new List<Coordinate>();
        while (sites.Count < count)
        {
            var c = new Coordinate(env.MinX + rng.NextDouble() * env.Width, env.MinY + rng.NextDouble() * env.Height);
            if (township.Contains(_geometry.CreatePoint(c))) sites.Add(c);
        }
        var cells = Voronoi(sites, township);
        for (var pass = 0; pass < 2; pass++) cells = Voronoi(cells.Select(c => c.Centroid.Coordinate).ToList(), township);
        return cells;
    }

    private List<Geometry> Voronoi(List<Coordinate> sites, Polygon clip)
    {
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        var clipEnvelope = new Envelope(clip.EnvelopeInternal);
        clipEnvelope.ExpandBy(0.05);
        builder.ClipEnvelope = clipEnvelope;
        var diagram = builder.GetDiagram(_geometry);
        return Enumerable.Range(0, diagram.NumGeometries).Select(i => _geometry.CreateGeometry(diagram.GetGeometryN(i).Intersection(clip)))
            .Where(g => !g.IsEmpty && g is Polygon).ToList();
    }

    /// <summary>k-means over points, seeded by farthest-point choice so no cluster starts empty.</summary>
    private static int[] Cluster(IReadOnlyList<Coordinate> points, int k, Random rng)
    {
        var centers = new List<Coordinate> { points[rng.Next(points.Count)] };
        while (centers.Count < k)
            centers.Add(points.MaxBy(p => centers.Min(c => c.Distance(p)))!);
        var assignment = new int[points.Count];
        for (var iteration = 0; iteration < 20; iteration++)
        {
            for (var i = 0; i < points.Count; i++)
                assignment[i] = Enumerable.Range(0, k).MinBy(c => centers[c].Distance(points[i]));
            for (var c = 0; c < k; c++)
            {
                var members = points.Where((_, i) => assignment[i] == c).ToList();
                if (members.Count > 0) centers[c] = Centroid(members);
            }
        }
        return assignment;
    }

    private static Coordinate Centroid(IEnumerable<Coordinate> points)
    {
        var list = points.ToList();
        return new Coordinate(list.Average(p => p.X), list.Average(p => p.Y));
    }

    private Geometry Union(IEnumerable<Geometry> cells) => _geometry.BuildGeometry(cells.ToList()).Union();

    private static JurisdictionNode Node(string code, string name, JurisdictionLevel level, JurisdictionNode? parent, Geometry area)
    {
        var center = area.InteriorPoint.Coordinate;
        return new JurisdictionNode
        {
            Code = code, Name = name, Level = level, Path = JurisdictionNode.ChildPath(parent?.Path, code),
            CenterLat = Math.Round(center.Y, 6), CenterLon = Math.Round(center.X, 6), Parent = parent, BoundaryWkt = area.AsText(),
        };
    }
}
