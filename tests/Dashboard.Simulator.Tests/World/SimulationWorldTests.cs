using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;

namespace Dashboard.Simulator.Tests.World;

public sealed class SimulationWorldTests
{
    private static readonly string[] Lifecycle = ["Dispatched", "OnScene", "Resolved", "Closed"];
    private static readonly string[] PoliceKinds = ["PatrolCar", "Motorcycle", "FootPatrol"];

    [Fact]
    public void A_dispatched_unit_drives_to_the_alarm_then_reports_on_scene_and_resolved()
    {
        var run = WorldRun.For(ReferenceBuilder.TwoStations().Build(), TimeSpan.FromHours(4), rate: 8);
        var alarm = run.Alarms.First(a => run.EventsOf(a.ExternalId!).Count == 4);
        var events = run.EventsOf(alarm.ExternalId!);
        var unit = events[0].Event.UnitCode!;

        var track = run.TrackOf(unit, events[0].Event.At!.Value, events[1].Event.At!.Value);
        var distances = track.Select(p => GeoDistance.Meters(p.Lat!.Value, p.Lon!.Value, alarm.Location!.Lat!.Value, alarm.Location.Lon!.Value)).ToList();

        Assert.Equal(Lifecycle, events.Select(e => e.Event.Status));
        Assert.All(events, e => Assert.Equal(unit, e.Event.UnitCode));
        Assert.InRange(events[0].Event.At!.Value - alarm.ReceivedAt!.Value, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3.1));
        Assert.InRange(events[2].Event.At!.Value - events[1].Event.At!.Value, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(40.1));
        Assert.True(events[3].Event.At > events[2].Event.At);
        Assert.True(distances.Count >= 2, "the unit should report positions on its way");
        Assert.Equal(distances.OrderDescending(), distances);
        Assert.True(distances[^1] < 1, $"the unit should be at the scene, {distances[^1]:F1} m away");
    }

    [Fact]
    public void Every_dispatched_call_eventually_goes_through_its_whole_lifecycle()
    {
        var run = WorldRun.For(ReferenceBuilder.TwoStations().Build(), TimeSpan.FromHours(6), rate: 4);

        var early = run.Alarms.Where(a => a.ReceivedAt < WorldRun.Start.AddHours(3)).ToList();

        Assert.NotEmpty(early);
        Assert.All(early, a => Assert.Equal(Lifecycle, run.EventsOf(a.ExternalId!).Select(e => e.Event.Status)));
    }

    [Fact]
    public void A_unit_takes_no_second_call_until_its_first_is_resolved()
    {
        var run = WorldRun.For(ReferenceBuilder.TwoStations().Build(), TimeSpan.FromHours(6), rate: 20);

        var assignments = run.Events.Where(e => e.Event.Status is "Dispatched" or "Resolved")
            .GroupBy(e => e.Event.UnitCode!).ToList();

        Assert.Contains(assignments, g => g.Count(e => e.Event.Status == "Dispatched") > 1);
        Assert.All(assignments, unitEvents =>
        {
            var statuses = unitEvents.OrderBy(e => e.Event.At).Select(e => e.Event.Status).ToList();
            for (var i = 1; i < statuses.Count; i++) Assert.NotEqual(statuses[i - 1], statuses[i]);
        });
    }

    [Fact]
    public void Only_police_units_are_sent_to_calls()
    {
        var reference = ReferenceBuilder.TwoStations().Build();
        var kinds = reference.Units.ToDictionary(u => u.Code, u => u.Kind);

        var run = WorldRun.For(reference, TimeSpan.FromHours(3), rate: 20);

        Assert.NotEmpty(run.Events);
        Assert.All(run.Events, e => Assert.Contains(kinds[e.Event.UnitCode!], PoliceKinds));
    }

    [Fact]
    public void Patrolling_units_stay_inside_their_station_area()
    {
        var builder = ReferenceBuilder.TwoStations();
        var reference = builder.Build();
        var stations = reference.Units.ToDictionary(u => u.Code, u => u.StationCode);

        var run = WorldRun.For(reference, TimeSpan.FromHours(2), rate: 0);

        Assert.True(run.Positions.Count(p => p.SpeedKmh > 0) > 1_000, "units should be moving");
        Assert.All(run.Positions, p => Assert.True(builder.InStationArea(stations[p.UnitCode!], p.Lat!.Value, p.Lon!.Value), p.UnitCode));
    }

    [Fact]
    public void Units_patrol_at_their_own_pace_and_some_wait_at_the_station()
    {
        var reference = ReferenceBuilder.TwoStations().Build();
        var kinds = reference.Units.ToDictionary(u => u.Code, u => u.Kind);

        var run = WorldRun.For(reference, TimeSpan.FromMinutes(30), rate: 0);

        var topSpeed = run.Positions.GroupBy(p => kinds[p.UnitCode!]).ToDictionary(g => g.Key, g => g.Max(p => p.SpeedKmh!.Value));
        Assert.InRange(topSpeed["PatrolCar"], 15, 40);
        Assert.InRange(topSpeed["Volunteer"], 2, 6);
        var standing = run.Positions.GroupBy(p => p.UnitCode).Where(g => g.All(p => p.SpeedKmh == 0)).Select(g => g.First()).ToList();
        Assert.All(reference.Stations, s => Assert.Contains(standing, p => p.Lat == s.Lat && p.Lon == s.Lon));
        Assert.All(standing, p => Assert.Contains(reference.Stations, s => s.Lat == p.Lat && s.Lon == p.Lon));
    }

    [Fact]
    public void A_few_units_are_offline_and_post_nothing()
    {
        var reference = ReferenceBuilder.TwoStations().Units("S1").Units("S2").Build();

        var run = WorldRun.For(reference, TimeSpan.FromMinutes(1), rate: 0);

        var reporting = run.Ticks[^1].Tick.Positions.Select(p => p.UnitCode).Distinct().Count();
        Assert.InRange(reference.Units.Count - reporting, 1, reference.Units.Count / 10);
        Assert.All(run.Ticks, t => Assert.Equal(reporting, t.Tick.Positions.Count));
    }

    [Fact]
    public void Everything_the_world_posts_passes_the_api_validation()
    {
        var run = WorldRun.For(ReferenceBuilder.TwoStations().Build(), TimeSpan.FromHours(3), rate: 10);

        Assert.All(run.Ticks, t =>
        {
            Assert.All(t.Tick.Alarms, a => Assert.False(a.Validate(t.Now).Any));
            Assert.All(t.Tick.Events, e => Assert.False(e.Event.Validate(t.Now, out _).Any));
            Assert.All(t.Tick.Positions, p => Assert.False(p.Validate(t.Now).Any));
            Assert.All(t.Tick.Alarms, a => Assert.True(a.ReceivedAt <= t.Now));
        });
    }

    [Fact]
    public void Alarms_arrive_at_the_requested_rate()
    {
        var reference = ReferenceBuilder.TwoStations().Build();

        var realistic = WorldRun.For(reference, TimeSpan.FromHours(24), rate: 1, seed: 2).Alarms.Count;
        var busy = WorldRun.For(reference, TimeSpan.FromHours(24), rate: 10, seed: 2).Alarms.Count;

        Assert.InRange(realistic, 30, 65);
        Assert.InRange(busy / (double)realistic, 6, 15);
    }

    [Fact]
    public void The_same_seed_replays_the_same_world()
    {
        var reference = ReferenceBuilder.TwoStations().Build();

        var first = WorldRun.For(reference, TimeSpan.FromHours(1), rate: 10, seed: 3);
        var again = WorldRun.For(reference, TimeSpan.FromHours(1), rate: 10, seed: 3);

        Assert.Equal(first.Alarms, again.Alarms, AlarmInputComparer);
        Assert.Equal(first.Positions, again.Positions);
    }

    private static readonly IEqualityComparer<AlarmInput> AlarmInputComparer =
        EqualityComparer<AlarmInput>.Create((a, b) => a!.ExternalId == b!.ExternalId && a.Address == b.Address && a.Location == b.Location);
}
