using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Patrol;
using Dashboard.Core.Statistics;
using Dashboard.Core.Warnings;
using Dashboard.Core.Units;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dashboard.Web.Demo;

/// <summary>
/// Seeds the synthetic township: its tree, ~80 units of every kind, 280 patrol points (one in ten with shift windows), the
/// fences — a zone heavy vehicles must keep out of, and each station's patrol area for its cars — then a history.
/// </summary>
internal sealed class DemoSeeder(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, DemoHistory history, DemoInvestigations investigations,
    AlarmBuckets buckets, CaseBuckets cases, TimeProvider clock)
{
    private static readonly (UnitKind Kind, string Label, int PerStation)[] StationUnits =
        [(UnitKind.PatrolCar, "巡逻车", 5), (UnitKind.Motorcycle, "摩托巡逻", 2), (UnitKind.FootPatrol, "步巡组", 5)];
    private static readonly string[] PlaceKinds =
        ["小学门口", "幼儿园", "银行网点", "菜市场", "加油站", "卫生院", "村委会", "桥头", "公交站", "停车场", "超市", "工业园门口", "河道闸口", "广场"];
    // Muck trucks (渣土车) the centre tracks but never dispatches; the plates are made up.
    private static readonly string[] HeavyVehiclePlates = ["苏E·5D217", "苏E·8K360", "苏E·3F951"];
    // The morning and evening rounds, and the school run; about one point in ten must be visited within them.
    private static readonly string[] ShiftWindows = ["08:00-12:00,19:00-22:00", "07:00-09:00,16:00-18:00"];
    private const double ForbiddenZoneRadiusMeters = 450;

    public async Task SeedAsync(int historyDays, int unitCount, CancellationToken ct)
    {
        var nodes = new DemoJurisdictionBuilder().Build();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var units = Units(nodes).Concat(ExtraUnits(nodes)).Take(unitCount).ToList();
            db.Jurisdictions.AddRange(nodes);
            db.Units.AddRange(units);
            db.PatrolPoints.AddRange(PatrolPoints(nodes, new Random(7)));
            db.Geofences.Add(ForbiddenZone(nodes));
            db.Geofences.AddRange(PatrolAreas(nodes, units));
            await db.SaveChangesAsync(ct);
        }
        map.Invalidate();
        if (historyDays <= 0) return;
        await history.SeedAsync(historyDays, ct);
        await investigations.SeedAsync(historyDays, ct);
        // The history is written in bulk, past ingestion: its statistics buckets are counted once, afterwards.
        var now = clock.GetUtcNow();
        await buckets.RebuildAsync(now.AddDays(-historyDays - 1), now.AddHours(1), ct);
        await cases.RebuildAsync(now.AddDays(-historyDays - 1), now.AddHours(1), ct);
        // So is the household index the repeated-dispute and domestic-violence models match new calls against.
        await HouseholdMarkStore.RebuildAsync(dbFactory, now.AddDays(-91), ct);
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
        // Registered with the station that watches the forbidden zone: its chief is the one warned when they enter it.
        var zoneStation = StationOf(ZoneVillage(nodes), stations);
        for (var h = 0; h < HeavyVehiclePlates.Length; h++)
            yield return NewUnit($"HV{h + 1:00}", $"渣土车{h + 1:00}（{HeavyVehiclePlates[h]}）", UnitKind.HeavyVehicle, zoneStation);
    }

    /// <summary>The village whose centre — its primary school — heavy vehicles must keep away from: the first village.</summary>
    private static JurisdictionNode ZoneVillage(IReadOnlyList<JurisdictionNode> nodes) =>
        nodes.First(n => n.Level == JurisdictionLevel.Community && n.Name.EndsWith('村'));

    /// <summary>An octagon around the village centre, about 900 m across: the school and the village street.</summary>
    private static Geofence ForbiddenZone(IReadOnlyList<JurisdictionNode> nodes)
    {
        var village = ZoneVillage(nodes);
        var (lat, lon) = (village.CenterLat!.Value, village.CenterLon!.Value);
        var (dLat, dLon) = (ForbiddenZoneRadiusMeters / 111_320, ForbiddenZoneRadiusMeters / (111_320 * Math.Cos(double.DegreesToRadians(lat))));
        var corners = Enumerable.Range(0, 9).Select(i => i % 8 * Math.PI / 4)
            .Select(a => new Coordinate(Math.Round(lon + dLon * Math.Cos(a), 7), Math.Round(lat + dLat * Math.Sin(a), 7))).ToArray();
        var station = StationOf(village, nodes.Where(n => n.Level == JurisdictionLevel.Station).ToList());
        return new Geofence
        {
            Code = "Z001", Name = $"{village.Name}小学周边重型车辆禁行区", Kind = GeofenceKind.Forbidden,
            UnitKinds = nameof(UnitKind.HeavyVehicle), BoundaryWkt = new GeometryFactory().CreatePolygon(corners).AsText(),
            JurisdictionPath = station.Path,
        };
    }

    /// <summary>Each station's cars patrol its own grids: the union of the grid polygons, with the station's own cars that were
    /// seeded. A benchmark's thousands of reinforcements are left unfenced; their codes would overflow the list.</summary>
    private static IEnumerable<Geofence> PatrolAreas(IReadOnlyList<JurisdictionNode> nodes, IReadOnlyList<Unit> units)
    {
        var reader = new WKTReader();
        var own = Units(nodes).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var station in nodes.Where(n => n.Level == JurisdictionLevel.Station))
        {
            var cars = units.Where(u => u.StationCode == station.Code && u.Kind == UnitKind.PatrolCar && own.Contains(u.Code))
                .Select(u => u.Code).ToList();
            if (cars.Count == 0) continue;
            var grids = nodes.Where(n => n.Level == JurisdictionLevel.Grid && n.Path.StartsWith(station.Path, StringComparison.Ordinal))
                .Select(n => reader.Read(n.BoundaryWkt)).ToList();
            yield return new Geofence
            {
                Code = $"PA-{station.Code}", Name = $"{station.Name}巡区", Kind = GeofenceKind.PatrolArea, UnitCodes = string.Join(',', cars),
                BoundaryWkt = new GeometryFactory().BuildGeometry(grids).Union().AsText(), JurisdictionPath = station.Path,
            };
        }
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
                GridCode = grid.Code, JurisdictionPath = grid.Path, ShiftWindows = i % 10 == 0 ? ShiftWindows[i / 10 % ShiftWindows.Length] : null,
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
