using Dashboard.Core.Live;
using Dashboard.Core.Patrol;
using Dashboard.Core.Units;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Tests.Warnings;

/// <summary>Check-ins from positions, and the missed-point warning at the end of a shift window (T0 is 10:00 in Shanghai).</summary>
public sealed class MissedPatrolPointModelTests
{
    private static async Task<WarningScenario> WithPointAsync(string windows = "08:00-12:00")
    {
        var s = await WarningScenario.StartAsync();
        await s.ChangeAsync(db =>
        {
            db.PatrolPoints.Add(new PatrolPoint
            {
                Code = "P1", Name = "渭南村卫生室", Lat = 0.5, Lon = 0.5, RadiusMeters = 50, DwellSeconds = 120, JurisdictionPath = "/T/S1/C1/G1/",
                GridCode = "G1", ShiftWindows = windows,
            });
            return Task.CompletedTask;
        });
        return s;
    }

    private static UnitMoved Near(DateTimeOffset at, double lat = 0.5001) =>
        new("PC01", UnitKind.PatrolCar, UnitStatus.Patrolling, at, lat, 0.5, 5, 0, "/T/S1/");

    [Fact]
    public async Task A_unit_checks_in_after_dwelling_for_the_set_time_once_per_visit()
    {
        await using var s = await WithPointAsync();
        var watch = new CheckInWatch(s.Database);
        await watch.RefreshAsync();
        var t = WarningScenario.T0;
        Assert.Empty(watch.Observe([Near(t)]));
        Assert.Empty(watch.Observe([Near(t.AddSeconds(119))]));
        var checkIn = Assert.Single(watch.Observe([Near(t.AddSeconds(120))]));
        Assert.Equal(("P1", "PC01"), (checkIn.PointCode, checkIn.UnitCode));
        Assert.Empty(watch.Observe([Near(t.AddSeconds(180))]));
        Assert.Empty(watch.Observe([Near(t.AddSeconds(200), lat: 0.51)])); // left: about 1 km away
        Assert.Empty(watch.Observe([Near(t.AddSeconds(300))]));
        Assert.Single(watch.Observe([Near(t.AddSeconds(420))]));
    }

    [Fact]
    public async Task Passing_by_without_dwelling_is_no_check_in()
    {
        await using var s = await WithPointAsync();
        var watch = new CheckInWatch(s.Database);
        await watch.RefreshAsync();
        var t = WarningScenario.T0;
        Assert.Empty(watch.Observe([Near(t), Near(t.AddSeconds(60), lat: 0.51), Near(t.AddSeconds(200))]));
    }

    [Fact]
    public async Task A_window_without_a_check_in_fires_once_when_it_ends_and_not_before()
    {
        await using var s = await WithPointAsync();
        s.Advance(TimeSpan.FromMinutes(119)); // 11:59
        await s.ScanAsync();
        Assert.Empty(await s.WarningsAsync(ModelCodes.MissedPatrolPoint));
        s.Advance(TimeSpan.FromMinutes(1)); // 12:00
        await s.ScanAsync();
        await s.ScanAsync();
        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.MissedPatrolPoint));
        Assert.Equal("point:P1:202611020000", warning.SubjectKey); // the window's start, in UTC
        Assert.Equal("P1", Assert.Single(warning.Evidence).Reference);
    }

    [Fact]
    public async Task A_check_in_inside_the_window_means_no_warning_and_the_next_days_window_is_judged_afresh()
    {
        await using var s = await WithPointAsync();
        await s.ChangeAsync(db =>
        {
            db.PatrolCheckIns.Add(new PatrolCheckIn { PointCode = "P1", UnitCode = "PC01", At = WarningScenario.T0 });
            return Task.CompletedTask;
        });
        s.Advance(TimeSpan.FromHours(3));
        await s.ScanAsync();
        Assert.Empty(await s.WarningsAsync(ModelCodes.MissedPatrolPoint));

        s.Advance(TimeSpan.FromDays(1));
        await s.ScanAsync();
        Assert.Single(await s.WarningsAsync(ModelCodes.MissedPatrolPoint));
    }

    [Fact]
    public async Task A_window_past_midnight_ends_the_next_morning()
    {
        await using var s = await WithPointAsync("22:00-02:00");
        s.Advance(TimeSpan.FromHours(15)); // 01:00 the next day
        await s.ScanAsync();
        Assert.Empty(await s.WarningsAsync(ModelCodes.MissedPatrolPoint));
        s.Advance(TimeSpan.FromHours(1)); // 02:00
        await s.ScanAsync();
        Assert.Single(await s.WarningsAsync(ModelCodes.MissedPatrolPoint));
    }
}
