using Dashboard.Core.Warnings;

namespace Dashboard.Simulator.Tests.World;

/// <summary>The world plants what each warning model looks for; these check what it posts, not how it decides.</summary>
public sealed class PlantedIncidentsTests(PlantedRuns runs) : IClassFixture<PlantedRuns>
{
    private const string DomesticViolence = HouseholdRecord.DomesticViolenceSubcategory;

    [Fact]
    public void A_household_calls_about_a_dispute_again_with_its_address_written_another_way()
    {
        var disputes = runs.Busy.Alarms.Where(a => a.Category == "dispute").ToList();

        var repeats = PlantedRuns.SameHousehold(disputes);

        Assert.Contains(repeats, r => r.Later.Address != r.Earlier.Address && r.Later.Location == r.Earlier.Location);
    }

    [Fact]
    public void A_household_calls_about_domestic_violence_a_second_time_within_days()
    {
        var calls = runs.Busy.Alarms.Where(a => a.Subcategory == DomesticViolence).ToList();

        var repeats = PlantedRuns.SameHousehold(calls);

        Assert.Contains(repeats, r => r.Later.ReceivedAt - r.Earlier.ReceivedAt <= TimeSpan.FromDays(3));
    }

    [Fact]
    public void Now_and_then_a_domestic_violence_call_reports_an_injury()
    {
        var injured = runs.Busy.Alarms.Where(a => a.Injury == true).ToList();

        Assert.NotEmpty(injured);
        Assert.All(injured, a => Assert.Equal(DomesticViolence, a.Subcategory));
        Assert.True(injured.Count < runs.Busy.Alarms.Count(a => a.Subcategory == DomesticViolence), "most calls report no injury");
    }

    [Fact]
    public void Now_and_then_eight_or_more_calls_come_from_one_grid_within_an_hour()
    {
        var byGrid = runs.Busy.Alarms.GroupBy(a => ReferenceBuilder.CellAt(a.Location!.Lat!.Value, a.Location.Lon!.Value));

        var busiestHour = byGrid.Select(g => g.Select(a => a.ReceivedAt!.Value).Order().ToList())
            .Select(times => times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t <= TimeSpan.FromHours(1)).Count()).Max())
            .Max();

        Assert.InRange(busiestHour, 8, 30);
    }

    [Fact]
    public void Some_calls_wait_past_the_target_for_their_priority_before_a_unit_is_even_sent()
    {
        var targets = new SlowResponseParameters();
        var sent = runs.Busy.Events.Where(e => e.Event.Status == "Dispatched").ToDictionary(e => e.ExternalId, e => e.Event.At!.Value);
        var onScene = runs.Busy.Events.Where(e => e.Event.Status == "OnScene").ToDictionary(e => e.ExternalId, e => e.Event.At!.Value);
        var answered = runs.Busy.Alarms.Where(a => onScene.ContainsKey(a.ExternalId!)).ToList();

        var held = answered.Where(a => sent[a.ExternalId!] - a.ReceivedAt!.Value > TimeSpan.FromMinutes(targets.MinutesFor(a.Priority!.Value)))
            .ToList();
        var late = answered.Count(a => onScene[a.ExternalId!] - a.ReceivedAt!.Value > TimeSpan.FromMinutes(targets.MinutesFor(a.Priority!.Value)));

        Assert.NotEmpty(held);
        Assert.All(held, a => Assert.True(onScene[a.ExternalId!] > sent[a.ExternalId!]));
        Assert.True(held.Count < answered.Count / 10, $"{held.Count} of {answered.Count} held ({late} late): held calls should stand out");
    }

    [Fact]
    public void Heavy_vehicles_sometimes_cut_through_the_forbidden_zone_and_are_never_sent_to_calls()
    {
        var trucks = runs.Quiet.Positions.Where(p => p.UnitCode!.StartsWith("HV", StringComparison.Ordinal)).ToList();

        var inZone = trucks.Count(p => runs.Builder.InForbiddenZone(p.Lat!.Value, p.Lon!.Value));

        Assert.InRange(inZone, 1, trucks.Count / 10);
        Assert.Contains(trucks, p => p.SpeedKmh >= 30);
        Assert.DoesNotContain(runs.Busy.Events, e => e.Event.UnitCode!.StartsWith("HV", StringComparison.Ordinal));
    }

    [Fact]
    public void Fenced_patrol_cars_now_and_then_leave_their_station_area_and_come_back()
    {
        var fenced = runs.Reference.Geofences!.Single(f => f.Kind == "PatrolArea").UnitCodes.ToHashSet();
        var stations = runs.Reference.Units.ToDictionary(u => u.Code, u => u.StationCode);
        var patrols = runs.Quiet.Positions.Where(p => !p.UnitCode!.StartsWith("HV", StringComparison.Ordinal)).ToList();

        var away = patrols.Where(p => !runs.Builder.InStationArea(stations[p.UnitCode!], p.Lat!.Value, p.Lon!.Value)).ToList();

        Assert.NotEmpty(away);
        Assert.All(away, p => Assert.Contains(p.UnitCode, fenced));
        Assert.All(away.Select(p => p.UnitCode).Distinct(), unit =>
        {
            var lastAway = away.Where(p => p.UnitCode == unit).Max(p => p.At);
            Assert.Contains(patrols, p => p.UnitCode == unit && p.At > lastAway);
        });
        Assert.True(away.Count < patrols.Count(p => fenced.Contains(p.UnitCode!)) / 10, "a stray is a short trip");
    }

    [Fact]
    public void Units_stay_at_must_visit_points_for_at_least_the_dwell_time()
    {
        var dwell = TimeSpan.FromSeconds(runs.Reference.PatrolPoints![0].DwellSeconds);

        var checkIns = runs.Visits().Where(v => v.Stayed >= dwell).ToList();

        Assert.True(checkIns.Select(v => v.Point).Distinct().Count() >= runs.Reference.PatrolPoints.Count / 2,
            "most points should be checked in at some time of the day");
        Assert.DoesNotContain(checkIns, v => v.Unit.StartsWith("HV", StringComparison.Ordinal));
    }

    [Fact]
    public void Some_must_visit_points_get_no_check_in_all_day()
    {
        var dwell = TimeSpan.FromSeconds(runs.Reference.PatrolPoints![0].DwellSeconds);
        var checkedIn = runs.Visits().Where(v => v.Stayed >= dwell).Select(v => v.Point).ToHashSet();

        var missed = runs.Reference.PatrolPoints.Where(p => !checkedIn.Contains(p.Code)).ToList();

        Assert.NotEmpty(missed);
    }

    [Fact]
    public void A_point_with_shift_windows_is_checked_in_while_its_window_is_open()
    {
        var dwell = TimeSpan.FromSeconds(runs.Reference.PatrolPoints![0].DwellSeconds);
        var windowed = runs.Reference.PatrolPoints.Where(p => p.ShiftWindows is not null).Select(p => p.Code).ToHashSet();

        var inWindow = runs.Visits().Where(v => v.Stayed >= dwell && windowed.Contains(v.Point))
            .Select(v => v.From.ToOffset(TimeSpan.FromHours(8)).Hour).ToList();

        Assert.Contains(inWindow, hour => hour is >= 8 and < 12 or >= 19 and < 22);
    }
}
