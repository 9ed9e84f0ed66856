using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Patrol;
using Dashboard.Core.Units;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dashboard.Web.Demo;

/// <summary>Seeds the synthetic township: its tree, ~80 units of every kind, 280 patrol points, then a history.</summary>
internal sealed class DemoSeeder(IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, DemoHistory history)
{
    private static readonly (UnitKind Kind, string Label, int PerStation)[] StationUnits =
        [(UnitKind.PatrolCar, "巡逻车", 5), (UnitKind.Motorcycle, "摩托巡逻", 2), (UnitKind.FootPatrol, "步巡组", 5)];
    private static readonly string[] PlaceKinds =
        ["小学门口", "幼儿园", "银行网点", "菜市场", "加油站", "卫生院", "村委会", "桥头", "公交站", "停车场", "超市", "工业园门口", "河道闸口", "广场"];

    public async Task SeedAsync(int historyDays, int unitCount, CancellationToken ct)
    {
        var nodes = new DemoJurisdictionBuilder().Build();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Jurisdictions.AddRange(nodes);
            db.Units.AddRange(Units(nodes).Concat(ExtraUnits(nodes)).Take(unitCount));
            db.PatrolPoints.AddRange(PatrolPoints(nodes, new Random(7)));
            await db.SaveChangesAsync(ct);
        }
        map.Invalidate();
        if (historyDays > 0) await history.SeedAsync(historyDays, ct);
    }

    private static IEnumerable<Unit> Units(IReadOnlyList<JurisdictionNode> nodes)
    {
        var stations = nodes.Where(n => n.Level == JurisdictionLevel.Station).ToList();
        foreach (var (station, s) in stations.Select((st, i) => (st, i + 1)))
            foreach (var (kind, label, count) in StationUnits)
                for (var n = 1; n <= count; n++)
                    yield return NewUnit($"S{s:000}-{Abbreviation(kind)}{n:00}", $"{station.Name[..2]}{label}{n:00}", kind, station);

        var grids = nodes.Where(n => n.Level == JurisdictionLevel.Grid).ToList();
        for (var g = 0; g < grids.Count; g += 2)
            yield return NewUnit($"GW{g / 2 + 1:00}", $"网格员{g / 2 + 1:00}（{grids[g].Name}）", UnitKind.GridWorker, StationOf(grids[g], stations));
        for (var v = 0; v < 14; v++)
            yield return NewUnit($"VL{v + 1:00}", $"红袖标志愿者{v + 1:00}", UnitKind.Volunteer, stations[v % stations.Count]);
    }

    /// <summary>Beyond the township's own units (benchmarks want thousands): cars and foot patrols, round-robin over the stations.</summary>
    private static IEnumerable<Unit> ExtraUnits(IReadOnlyList<JurisdictionNode> nodes)
    {
        var stations = nodes.Where(n => n.Level == JurisdictionLevel.Station).ToList();
        for (var n = 1; ; n++)
        {
            var station = stations[n % stations.Count];
            var (kind, label) = n % 2 == 0 ? (UnitKind.PatrolCar, "巡逻车") : (UnitKind.FootPatrol, "步巡组");
            yield return NewUnit($"X{n:00000}", $"{station.Name[..2]}增援{label}{n:00000}", kind, station);
        }
    }

    private static IEnumerable<PatrolPoint> PatrolPoints(IReadOnlyList<JurisdictionNode> nodes, Random rng)
    {
        var grids = nodes.Where(n => n.Level == JurisdictionLevel.Grid).ToList();
        var byId = nodes.ToDictionary(n => n.Code);
        var reader = new WKTReader();
        for (var i = 0; i < 280; i++)
        {
            var grid = grids[i % grids.Count];
            var polygon = reader.Read(grid.BoundaryWkt);
            var env = polygon.EnvelopeInternal;
            Point point;
            do point = new Point(env.MinX + rng.NextDouble() * env.Width, env.MinY + rng.NextDouble() * env.Height);
            while (!polygon.Contains(point));
            var community = byId[grid.Path.Trim('/').Split('/')[^2]];
            yield return new PatrolPoint
            {
                Code = $"PP{i + 1:000}", Name = $"{community.Name}{PlaceKinds[rng.Next(PlaceKinds.Length)]}",
                Lat = Math.Round(point.Y, 6), Lon = Math.Round(point.X, 6), RadiusMeters = 50, DwellSeconds = 120,
                GridCode = grid.Code, JurisdictionPath = grid.Path,
            };
        }
    }

    private static Unit NewUnit(string code, string name, UnitKind kind, JurisdictionNode station) =>
        new() { Code = code, Name = name, Kind = kind, StationCode = station.Code, JurisdictionPath = station.Path };

    private static JurisdictionNode StationOf(JurisdictionNode grid, List<JurisdictionNode> stations) =>
        stations.First(s => grid.Path.StartsWith(s.Path, StringComparison.Ordinal));

    private static string Abbreviation(UnitKind kind) => kind switch
    {
        UnitKind.PatrolCar => "PC",
        UnitKind.Motorcycle => "MC",
        _ => "FP",
    };
}
