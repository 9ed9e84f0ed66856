using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Patrol;
using Dashboard.Core.Security;
using Dashboard.Core.Units;
using Dashboard.Core.Warnings;
using Dashboard.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dashboard.Web.Tests.Demo;

public sealed class DemoSeedingTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly WKTReader Wkt = new();

    [Fact]
    public async Task The_demo_township_has_three_stations_about_twenty_communities_and_sixty_grids()
    {
        var levels = await app.QueryAsync(db => db.Jurisdictions.GroupBy(n => n.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(1, levels[JurisdictionLevel.Township]);
        Assert.Equal(3, levels[JurisdictionLevel.Station]);
        Assert.InRange(levels[JurisdictionLevel.Community], 18, 22);
        Assert.InRange(levels[JurisdictionLevel.Grid], 55, 65);
    }

    [Fact]
    public void Grid_polygons_tile_the_township_without_gaps_or_overlaps()
    {
        var nodes = new DemoJurisdictionBuilder().Build();
        var grids = nodes.Where(n => n.Level == JurisdictionLevel.Grid).Select(n => Wkt.Read(n.BoundaryWkt)).ToList();
        var outline = new GeometryFactory().BuildGeometry(grids).Union();
        var township = Wkt.Read(nodes.Single(n => n.Level == JurisdictionLevel.Township).BoundaryWkt);

        var sumOfAreas = grids.Sum(g => g.Area);
        Assert.Equal(outline.Area, sumOfAreas, 6);
        Assert.IsType<Polygon>(outline);
        Assert.Equal(0, ((Polygon)outline).NumInteriorRings);
        Assert.All(grids, g => Assert.True(g.IsValid));
        Assert.True(grids.All(a => grids.All(b => ReferenceEquals(a, b) || a.Intersection(b).Area < 1e-12)));
        Assert.Equal(township.Area, outline.Area, 6);
    }

    [Fact]
    public void Every_community_and_station_gets_grids_and_a_name()
    {
        var nodes = new DemoJurisdictionBuilder().Build();
        foreach (var parent in nodes.Where(n => n.Level is JurisdictionLevel.Community or JurisdictionLevel.Station))
        {
            Assert.False(string.IsNullOrWhiteSpace(parent.Name));
            Assert.Contains(nodes, n => n.Level == JurisdictionLevel.Grid && n.Path.StartsWith(parent.Path, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task About_eighty_units_of_every_kind_and_280_patrol_points_inside_their_grids()
    {
        var kinds = await app.QueryAsync(db => db.Units.GroupBy(u => u.Kind).Select(g => g.Key).ToListAsync());
        Assert.Equal(Enum.GetValues<UnitKind>().Order(), kinds.Order());
        Assert.InRange(await app.QueryAsync(db => db.Units.CountAsync()), 75, 85);

        var points = await app.QueryAsync(db => db.PatrolPoints.ToListAsync());
        var grids = await app.QueryAsync(db => db.Jurisdictions.Where(n => n.Level == JurisdictionLevel.Grid).ToDictionaryAsync(n => n.Code, n => Wkt.Read(n.BoundaryWkt)));
        Assert.Equal(280, points.Count);
        Assert.All(points, p => Assert.True(grids[p.GridCode!].Contains(new Point(p.Lon, p.Lat)), p.Code));
    }

    [Fact]
    public async Task Three_heavy_vehicles_are_kept_out_of_a_zone_around_a_village_centre()
    {
        var trucks = await app.QueryAsync(db => db.Units.Where(u => u.Kind == UnitKind.HeavyVehicle).OrderBy(u => u.Code).ToListAsync());
        var zone = Assert.Single(await app.QueryAsync(db => db.Geofences.Where(f => f.Kind == GeofenceKind.Forbidden).ToListAsync()));
        var station = await app.QueryAsync(db => db.Jurisdictions.SingleAsync(n => n.Path == zone.JurisdictionPath));

        Assert.Equal(new[] { "HV01", "HV02", "HV03" }, trucks.Select(u => u.Code));
        Assert.All(trucks, u => Assert.StartsWith("渣土车", u.Name, StringComparison.Ordinal));
        Assert.Equal("HeavyVehicle", zone.UnitKinds);
        Assert.Equal(JurisdictionLevel.Station, station.Level);
        var polygon = Wkt.Read(zone.BoundaryWkt);
        Assert.True(polygon.IsValid);
        Assert.True(Wkt.Read(station.BoundaryWkt).Intersects(polygon), "the zone lies in its station's area");
        Assert.InRange(polygon.Area * 111_320 * 111_320 * Math.Cos(double.DegreesToRadians(polygon.Centroid.Y)), 200_000, 1_000_000);
    }

    [Fact]
    public async Task Each_station_fences_its_patrol_cars_into_the_union_of_its_grids()
    {
        var areas = await app.QueryAsync(db => db.Geofences.Where(f => f.Kind == GeofenceKind.PatrolArea).ToListAsync());
        var stations = await app.QueryAsync(db => db.Jurisdictions.Where(n => n.Level == JurisdictionLevel.Station).ToListAsync());
        var cars = await app.QueryAsync(db => db.Units.Where(u => u.Kind == UnitKind.PatrolCar).ToListAsync());

        Assert.Equal(stations.Count, areas.Count);
        foreach (var station in stations)
        {
            var area = Assert.Single(areas, a => a.JurisdictionPath == station.Path);
            Assert.Equal(cars.Where(c => c.StationCode == station.Code).Select(c => c.Code).Order(), area.UnitCodes!.Split(',').Order());
            var fence = Wkt.Read(area.BoundaryWkt);
            Assert.Equal(Wkt.Read(station.BoundaryWkt).Area, fence.Area, 6);
        }
    }

    [Fact]
    public async Task About_one_patrol_point_in_ten_must_be_visited_within_shift_windows()
    {
        var windows = await app.QueryAsync(db => db.PatrolPoints.Where(p => p.ShiftWindows != null).Select(p => p.ShiftWindows).ToListAsync());

        Assert.Equal(28, windows.Count);
        Assert.All(windows, w => Assert.True(ShiftWindow.IsValid(w) && ShiftWindow.Parse(w).Count == 2, w));
    }

    [Fact]
    public async Task The_reference_data_gives_the_simulator_the_fences_and_the_must_visit_points()
    {
        var reference = await app.ApiClient().GetFromJsonAsync<ReferenceData>("/api/v1/reference", JsonSerializerOptions.Web);

        var zone = Assert.Single(reference!.Geofences!, f => f.Kind == "Forbidden");
        Assert.Equal(new[] { "HeavyVehicle" }, zone.UnitKinds);
        Assert.True(zone.Ring.Count >= 4);
        Assert.Equal(3, reference.Geofences!.Count(f => f.Kind == "PatrolArea" && f.UnitCodes.Count > 0));
        Assert.Equal(3, reference.Units.Count(u => u.Kind == "HeavyVehicle"));
        Assert.Equal(280, reference.PatrolPoints!.Count);
        Assert.Equal(28, reference.PatrolPoints.Count(p => p.ShiftWindows is not null));
        Assert.All(reference.PatrolPoints, p => Assert.Equal(120, p.DwellSeconds));
    }

    [Fact]
    public async Task Development_has_one_account_per_role_bound_to_its_jurisdiction()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        foreach (var account in DemoCredentials.Accounts)
        {
            var user = await users.FindByNameAsync(account.UserName);
            Assert.NotNull(user);
            Assert.Equal(account.JurisdictionCode, user.JurisdictionCode);
            Assert.True(await users.IsInRoleAsync(user, account.Role));
            Assert.True(await users.CheckPasswordAsync(user, DashboardAppFactory.Password));
        }
    }
}
