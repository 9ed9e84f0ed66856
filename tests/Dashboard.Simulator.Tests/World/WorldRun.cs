using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;
using Dashboard.Simulator.World;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Simulator.Tests.World;

/// <summary>Drives a <see cref="SimulationWorld"/> tick by tick on a fake clock and keeps everything it asked to post.</summary>
internal sealed class WorldRun
{
    public static readonly DateTimeOffset Start = new(2026, 11, 6, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public List<AlarmInput> Alarms { get; } = [];
    public List<AlarmEventPost> Events { get; } = [];
    public List<PositionInput> Positions { get; } = [];
    public List<(DateTimeOffset Now, SimulationTick Tick)> Ticks { get; } = [];

    /// <param name="interval">Time between ticks; the world still moves in its own short steps, so a longer interval
    /// only samples positions less often.</param>
    public static WorldRun For(ReferenceData reference, TimeSpan duration, double rate, int seed = 1, TimeSpan? interval = null)
    {
        var step = interval ?? Interval;
        var time = new FakeTimeProvider(Start);
        var world = new SimulationWorld(reference, time.GetUtcNow(), rate, seed, "test");
        var run = new WorldRun();
        for (var elapsed = TimeSpan.Zero; elapsed <= duration; elapsed += step)
        {
            var tick = world.Tick(time.GetUtcNow());
            run.Ticks.Add((time.GetUtcNow(), tick));
            run.Alarms.AddRange(tick.Alarms);
            run.Events.AddRange(tick.Events);
            run.Positions.AddRange(tick.Positions);
            time.Advance(step);
        }
        return run;
    }

    public List<AlarmEventPost> EventsOf(string externalId) => Events.Where(e => e.ExternalId == externalId).ToList();

    public List<PositionInput> TrackOf(string unitCode, DateTimeOffset from, DateTimeOffset to) =>
        Positions.Where(p => p.UnitCode == unitCode && p.At >= from && p.At <= to).OrderBy(p => p.At).ToList();
}
