using Dashboard.Core.Units;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

internal enum UnitActivity { Patrolling, Standby, Returning, Responding, OnScene }

/// <summary>
/// One unit on the move: working its beat (a patrol of the station's grids, a heavy vehicle's hauls), waiting at the
/// station, or working a call.
/// </summary>
internal sealed class SimulatedUnit(string code, UnitKind? kind, StationArea area, IBeat beat, bool waitsAtStation, LatLon start)
{
    private Stop? _stop;
    private TimeSpan _stayLeft;
    private LatLon? _returnTo;

    public string Code => code;
    public StationArea Area => area;
    public LatLon Position { get; private set; } = start;
    public double SpeedKmh { get; private set; }
    public double Heading { get; private set; }
    public UnitActivity Activity { get; private set; } = waitsAtStation ? UnitActivity.Standby : UnitActivity.Patrolling;
    public SimulatedAlarm? Job { get; private set; }

    /// <summary>Only police units answer 110 calls; grid workers, volunteers and heavy vehicles are not dispatched.</summary>
    public bool CanTakeCall => Job is null && kind is UnitKind.PatrolCar or UnitKind.Motorcycle or UnitKind.FootPatrol;

    public bool IsOnPatrol => Activity == UnitActivity.Patrolling;

    private UnitSpeeds Speeds { get; } = UnitSpeeds.For(kind);

    public TimeSpan TimeToReach(LatLon target) => TimeSpan.FromHours(GeoStep.Meters(Position, target) / 1000 / Speeds.MeanResponse);

    public void Dispatch(SimulatedAlarm alarm)
    {
        Job = alarm;
        Activity = UnitActivity.Responding;
        // A call cuts a stop short: a check-in not completed does not count.
        (_stop, _stayLeft) = (null, TimeSpan.Zero);
    }

    public void Release()
    {
        Job = null;
        _returnTo = null;
        Activity = UnitActivity.Returning;
    }

    /// <summary>Sends a patrolling unit somewhere its beat would not take it; afterwards the beat brings it back.</summary>
    public void Stray(Stop away) => (_stop, _stayLeft) = (away, TimeSpan.Zero);

    /// <summary>Moves the unit through the step ending at <paramref name="now"/>; true when it has just reached the scene of its call.</summary>
    public bool Advance(DateTimeOffset now, TimeSpan elapsed, Random rng)
    {
        switch (Activity)
        {
            case UnitActivity.Responding when Job is not null:
                if (!Travel(Job.Location, Speeds.Response(rng), elapsed)) return false;
                Activity = UnitActivity.OnScene;
                SpeedKmh = 0;
                return true;
            case UnitActivity.Returning:
                ReturnToPost(elapsed, rng);
                return false;
            case UnitActivity.Patrolling:
                Patrol(now, elapsed, rng);
                return false;
            default:
                SpeedKmh = 0;
                return false;
        }
    }

    private void ReturnToPost(TimeSpan elapsed, Random rng)
    {
        var target = waitsAtStation ? area.Home : _returnTo ??= area.RandomPoint(rng);
        if (!Travel(target, Speeds.Patrol(rng), elapsed)) return;
        _returnTo = null;
        SpeedKmh = 0;
        Activity = waitsAtStation ? UnitActivity.Standby : UnitActivity.Patrolling;
    }

    private void Patrol(DateTimeOffset now, TimeSpan elapsed, Random rng)
    {
        if (_stayLeft > TimeSpan.Zero)
        {
            SpeedKmh = 0;
            _stayLeft -= elapsed;
            if (_stayLeft <= TimeSpan.Zero && _stop is { } stayed) Reached(stayed, now);
            return;
        }
        var stop = _stop ??= beat.Next(Position, now, rng);
        var speed = Speeds.Patrol(rng);
        var next = GeoStep.Toward(Position, stop.At, speed * 1000 * elapsed.TotalHours);
        // The straight line to a stop may cut across a neighbour's grid; turn instead of leaving the area.
        if (stop.KeepsToArea && !area.Contains(next))
        {
            _stop = null;
            SpeedKmh = 0;
            return;
        }
        if (!Travel(stop.At, speed, elapsed)) return;
        if (stop.Stay > TimeSpan.Zero)
        {
            _stayLeft = stop.Stay;
            SpeedKmh = 0;
        }
        else Reached(stop, now);
    }

    private void Reached(Stop stop, DateTimeOffset now)
    {
        _stop = null;
        beat.Completed(stop, now);
    }

    /// <summary>Drives toward the target; true on arrival.</summary>
    private bool Travel(LatLon target, double speedKmh, TimeSpan elapsed)
    {
        if (Position != target) Heading = GeoStep.Bearing(Position, target);
        Position = GeoStep.Toward(Position, target, speedKmh * 1000 * elapsed.TotalHours);
        SpeedKmh = speedKmh;
        return Position == target;
    }
}
