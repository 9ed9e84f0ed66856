using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

/// <summary>
/// The simulated township: alarms arriving as a Poisson process with the daily rhythm, units patrolling and being
/// sent to them, and each alarm's lifecycle. Pure generation — it decides what to post; it never talks HTTP — and it
/// runs on whatever clock the caller passes to <see cref="Tick"/>, so tests drive it with a fake time provider.
/// <para>
/// It also plants what each warning model looks for, so the demo shows them all: repeated disputes with the address
/// written another way and domestic-violence households calling again (<see cref="AlarmGenerator"/>), bursts of calls in
/// one grid (<see cref="AlarmBursts"/>), calls held past their response target (<see cref="DispatchDelays"/>), heavy
/// vehicles cutting through a forbidden zone (<see cref="HaulRoute"/>), patrol cars leaving their area
/// (<see cref="PatrolAreaStrays"/>), and must-visit points checked in at or neglected (<see cref="PatrolRound"/>).
/// </para>
/// </summary>
public sealed class SimulationWorld
{
    /// <summary>Movement and lifecycles advance in steps no longer than this, however far apart ticks are.</summary>
    public static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(5);

    /// <summary>A longer gap (a machine waking from sleep) is skipped rather than replayed as a flood of calls.</summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromHours(1);

    /// <summary>When every unit is busy for this long (a load test at a high rate), the call is left to the station and
    /// no longer tracked, so the backlog cannot grow without bound.</summary>
    public static readonly TimeSpan MaxWaitForUnit = TimeSpan.FromHours(1);

    private readonly Random _rng;
    private readonly double _rate;
    private readonly AlarmGenerator _generator;
    private readonly AlarmBursts _bursts;
    private readonly List<SimulatedUnit> _units;
    private readonly PatrolAreaStrays _strays;
    private readonly List<SimulatedAlarm> _alarms = [];
    private DateTimeOffset _clock;

    /// <param name="rate">Alarm rate multiplier: 1 is a realistic township, 0 posts positions only.</param>
    /// <param name="runId">Short [a-z0-9] tag that keeps this run's external IDs apart from other runs'.</param>
    public SimulationWorld(ReferenceData reference, DateTimeOffset start, double rate, int seed, string runId)
    {
        if (rate < 0 || !double.IsFinite(rate)) throw new ArgumentOutOfRangeException(nameof(rate), "must be 0 or more");
        _rng = new Random(seed);
        _rate = rate;
        _generator = new AlarmGenerator(reference, _rng, runId);
        _bursts = new AlarmBursts(_generator, _rng, rate);
        var grids = reference.Grids.Where(g => g.Ring is { Count: >= 3 }).Select(g => new GridShape(g)).ToList();
        _units = Fleet.Assemble(reference, grids, _rng);
        _strays = PatrolAreaStrays.For(reference, _units, grids, _rng);
        _clock = start;
    }

    /// <summary>Advances the world to <paramref name="now"/> and returns what to post: new alarms, status events, and
    /// one fix for every online unit.</summary>
    public SimulationTick Tick(DateTimeOffset now)
    {
        var alarms = new List<AlarmInput>();
        var events = new List<AlarmEventPost>();
        if (now - _clock > MaxCatchUp) _clock = now - MaxCatchUp;
        while (_clock < now)
        {
            var next = now - _clock > MaxStep ? _clock + MaxStep : now;
            Step(_clock, next, alarms, events);
            _clock = next;
        }
        return new SimulationTick(alarms, events, Positions(now));
    }

    private void Step(DateTimeOffset from, DateTimeOffset to, List<AlarmInput> alarms, List<AlarmEventPost> events)
    {
        foreach (var alarm in NewAlarms(from, to))
        {
            alarms.Add(alarm);
            _alarms.Add(new SimulatedAlarm(alarm.ExternalId!, new LatLon(alarm.Location!.Lat!.Value, alarm.Location.Lon!.Value),
                alarm.ReceivedAt!.Value + DispatchDelays.For(alarm.Priority ?? 3, _rng)));
        }
        _strays.Step(to);
        foreach (var unit in _units)
        {
            if (unit.Advance(to, to - from, _rng) && unit.Job is { } job) Arrive(job, to, events);
        }
        AdvanceLifecycles(to, events);
    }

    /// <summary>The ordinary arrivals, the households calling again and the bursts, in the order they came in.</summary>
    private List<AlarmInput> NewAlarms(DateTimeOffset from, DateTimeOffset to)
    {
        var arrivals = AlarmMix.ArrivalTimes(from, to, _rng, _rate).Select(_generator.Next).ToList();
        arrivals.AddRange(_generator.RecallsDue(to));
        arrivals.AddRange(_bursts.Between(from, to));
        return arrivals.OrderBy(a => a.ReceivedAt).ToList();
    }

    private void AdvanceLifecycles(DateTimeOffset now, List<AlarmEventPost> events)
    {
        foreach (var alarm in _alarms.Where(a => a.DueAt <= now).ToList())
        {
            switch (alarm.Stage)
            {
                case AlarmStage.AwaitingDispatch when now - alarm.DueAt > MaxWaitForUnit:
                    _alarms.Remove(alarm);
                    break;
                case AlarmStage.AwaitingDispatch:
                    Dispatch(alarm, now, events);
                    break;
                case AlarmStage.OnScene:
                    alarm.Stage = AlarmStage.Resolved;
                    alarm.Unit!.Release();
                    alarm.DueAt = now + Minutes(2, 15);
                    events.Add(Event(alarm, AlarmStatus.Resolved, now));
                    break;
                case AlarmStage.Resolved:
                    _alarms.Remove(alarm);
                    events.Add(Event(alarm, AlarmStatus.Closed, now));
                    break;
            }
        }
    }

    /// <summary>Sends the free police unit that can get there first; with none free the call waits for the next step.</summary>
    private void Dispatch(SimulatedAlarm alarm, DateTimeOffset now, List<AlarmEventPost> events)
    {
        var unit = _units.Where(u => u.CanTakeCall).MinBy(u => u.TimeToReach(alarm.Location));
        if (unit is null) return;
        unit.Dispatch(alarm);
        alarm.Unit = unit;
        alarm.Stage = AlarmStage.EnRoute;
        alarm.DueAt = DateTimeOffset.MaxValue;
        events.Add(Event(alarm, AlarmStatus.Dispatched, now));
    }

    private void Arrive(SimulatedAlarm alarm, DateTimeOffset now, List<AlarmEventPost> events)
    {
        alarm.Stage = AlarmStage.OnScene;
        alarm.DueAt = now + Minutes(10, 40);
        events.Add(Event(alarm, AlarmStatus.OnScene, now));
    }

    private List<PositionInput> Positions(DateTimeOffset now)
    {
        var at = ChinaTime.Of(now);
        return _units.Select(u => new PositionInput(
            u.Code, at, u.Position.Lat, u.Position.Lon, Math.Round(u.SpeedKmh, 1), Math.Round(u.Heading, 1) % 360)).ToList();
    }

    private TimeSpan Minutes(double min, double max) => TimeSpan.FromMinutes(min + _rng.NextDouble() * (max - min));

    private static AlarmEventPost Event(SimulatedAlarm alarm, AlarmStatus status, DateTimeOffset at) =>
        new(alarm.ExternalId, new AlarmEventInput(status.ToString(), ChinaTime.Of(at), alarm.Unit?.Code));
}
