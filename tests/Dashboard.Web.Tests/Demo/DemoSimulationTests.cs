using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;
using Dashboard.Core.Warnings;
using Dashboard.Simulator.World;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;

namespace Dashboard.Web.Tests.Demo;

/// <summary>The simulator on the demo township's own reference data: its fences get crossed the way the geofence model
/// needs, judged with the server's polygons rather than the simulator's.</summary>
public sealed class DemoSimulationTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 6, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task In_half_a_day_heavy_vehicles_enter_the_forbidden_zone_and_patrol_cars_leave_their_area()
    {
        var reference = await app.ApiClient().GetFromJsonAsync<ReferenceData>("/api/v1/reference", JsonSerializerOptions.Web);
        var fences = await app.QueryAsync(db => db.Geofences.ToListAsync());
        var world = new SimulationWorld(reference!, Start, rate: 0, seed: 1, "demo");

        var positions = new List<PositionInput>();
        for (var at = Start; at <= Start.AddHours(12); at = at.AddSeconds(30)) positions.AddRange(world.Tick(at).Positions);

        var zone = Prepare(fences.Single(f => f.Kind == GeofenceKind.Forbidden));
        Assert.Contains(positions, p => p.UnitCode!.StartsWith("HV", StringComparison.Ordinal) && zone.Covers(PointOf(p)));
        var strays = fences.Where(f => f.Kind == GeofenceKind.PatrolArea).Sum(f =>
        {
            var (area, cars) = (Prepare(f), f.UnitCodes!.Split(','));
            return positions.Count(p => cars.Contains(p.UnitCode) && !area.Covers(PointOf(p)));
        });
        Assert.True(strays > 0, "a patrol car should leave its station's area now and then");
    }

    private static IPreparedGeometry Prepare(Geofence fence) => PreparedGeometryFactory.Prepare(new WKTReader().Read(fence.BoundaryWkt));

    private static Point PointOf(PositionInput p) => new(p.Lon!.Value, p.Lat!.Value);
}
