using Dashboard.Core.Live;
using Dashboard.Core.Units;
using Dashboard.Core.Warnings;

namespace Dashboard.Core.Tests.Warnings;

public sealed class GeofenceWatchTests
{
    private static readonly DateTimeOffset T0 = WarningScenario.T0;

    private static UnitMoved At(string unit, UnitKind kind, double lat, double lon, int seconds = 0) =>
        new(unit, kind, UnitStatus.Patrolling, T0.AddSeconds(seconds), lat, lon, 30, 90, "/T/S1/");

    private static async Task<(WarningScenario Scenario, GeofenceWatch Watch)> WatchAsync()
    {
        var s = await WarningScenario.StartAsync();
        await s.ChangeAsync(db =>
        {
            db.Geofences.Add(new Geofence
            {
                Code = "Z1", Name = "学校周边禁行区", Kind = GeofenceKind.Forbidden, UnitKinds = "HeavyVehicle", JurisdictionPath = "/T/S1/",
                BoundaryWkt = "POLYGON ((0.2 0.2, 0.4 0.2, 0.4 0.4, 0.2 0.4, 0.2 0.2))",
            });
            db.Geofences.Add(new Geofence
            {
                Code = "A1", Name = "一所巡区", Kind = GeofenceKind.PatrolArea, UnitCodes = "PC01", JurisdictionPath = "/T/S1/",
                BoundaryWkt = "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))",
            });
            return Task.CompletedTask;
        });
        var watch = new GeofenceWatch(s.Database);
        await watch.RefreshAsync();
        return (s, watch);
    }

    [Fact]
    public async Task A_heavy_vehicle_entering_a_forbidden_zone_fires_once_on_the_crossing_and_again_only_after_leaving()
    {
        var (s, watch) = await WatchAsync();
        await using var _ = s;
        Assert.Empty(watch.Check([At("HV1", UnitKind.HeavyVehicle, 0.1, 0.1)]));
        var entered = Assert.Single(watch.Check([At("HV1", UnitKind.HeavyVehicle, 0.3, 0.3, 5)]));
        Assert.Equal(("geofence", "geofence:Z1:HV1", "/T/S1/"), (entered.ModelCode, entered.SubjectKey, entered.JurisdictionPath));
        Assert.Equal("HV1", Assert.Single(entered.Evidence).Reference);
        Assert.Empty(watch.Check([At("HV1", UnitKind.HeavyVehicle, 0.31, 0.31, 10)]));
        Assert.Empty(watch.Check([At("HV1", UnitKind.HeavyVehicle, 0.5, 0.5, 15)]));
        Assert.Single(watch.Check([At("HV1", UnitKind.HeavyVehicle, 0.3, 0.3, 20)]));
    }

    [Fact]
    public async Task Other_kinds_may_cross_a_forbidden_zone()
    {
        var (s, watch) = await WatchAsync();
        await using var _ = s;
        Assert.Empty(watch.Check([At("PC02", UnitKind.PatrolCar, 0.3, 0.3)]));
    }

    [Fact]
    public async Task A_patrol_unit_leaving_its_area_fires_and_other_units_do_not()
    {
        var (s, watch) = await WatchAsync();
        await using var _ = s;
        Assert.Empty(watch.Check([At("PC01", UnitKind.PatrolCar, 0.5, 0.5), At("PC02", UnitKind.PatrolCar, 0.5, 1.5)]));
        var left = Assert.Single(watch.Check([At("PC01", UnitKind.PatrolCar, 0.5, 1.2, 5)]));
        Assert.Equal("geofence:A1:PC01", left.SubjectKey);
    }

    [Fact]
    public async Task A_switched_off_model_checks_nothing()
    {
        var (s, watch) = await WatchAsync();
        await using var _ = s;
        await s.ChangeAsync(async db => (await db.WarningModels.FindAsync(
            db.WarningModels.Single(m => m.Code == ModelCodes.Geofence).Id))!.Enabled = false);
        await watch.RefreshAsync();
        Assert.Empty(watch.Check([At("HV1", UnitKind.HeavyVehicle, 0.3, 0.3)]));
    }

    [Fact]
    public async Task The_firing_becomes_one_warning_with_repeats_counted_while_it_is_open()
    {
        var (s, watch) = await WatchAsync();
        await using var _ = s;
        await s.Issuer.IssueAsync(watch.Check([At("HV1", UnitKind.HeavyVehicle, 0.3, 0.3)]));
        watch.Check([At("HV1", UnitKind.HeavyVehicle, 0.6, 0.6, 5)]);
        await s.Issuer.IssueAsync(watch.Check([At("HV1", UnitKind.HeavyVehicle, 0.3, 0.3, 10)]));
        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.Geofence));
        Assert.Equal(WarningLevel.Orange, warning.Level);
        Assert.Equal(1, warning.Count); // the same unit is one piece of evidence however often it crosses
    }
}
