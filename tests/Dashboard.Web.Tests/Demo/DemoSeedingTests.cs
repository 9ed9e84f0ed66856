using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Dashboard.Core.Units;
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
