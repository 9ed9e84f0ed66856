using Dashboard.Core.Units;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

internal enum UnitActivity { Patrolling, Standby, Returning, Responding, OnScene }

/// <summary>One unit on the move: patrolling its station's grids, waiting at the station, or working a call.</summary>
internal sealed class SimulatedUnit(string code, UnitKind? kind, StationArea area, bool waitsAtStation, LatLon start)
{
    private LatLon? _waypoint;

    public string Code => code;
    public StationArea Area => area;
    public LatLon Position { get; private set; } = start;
    public double SpeedKmh { get; private set; }
    public double Heading { get; private set; }
    public UnitActivity Activity { get; private set; } = waitsAtStation ? UnitActivity.Standby : UnitActivity.Patrolling;
    public SimulatedAlarm? Job { get; private set; }

    /// <summary>Only police units answer 110 calls; grid workers and volunteers patrol but are not dispatched.</summary>
    public bool CanTakeCall => Job is null && kind is UnitKind.PatrolCar or UnitKind.Motorcycle or UnitKind.FootPatrol;

    private UnitSpeeds Speeds { get; } = UnitSpeeds.For(kind);

    public TimeSpan TimeToReach(LatLon target) => TimeSpan.FromHours(GeoStep.Meters(Position, target) / 1000 / Speeds.MeanResponse);

    public void Dispatch(SimulatedAlarm alarm)
    {
        Job = alarm;
        Activity = UnitActivity.Responding;
    }

    public void Release()
    {
        Job = null;
        _waypoint = null;
        Activity = UnitActivity.Returning;
    }

    /// <summary>Moves the unit through <paramref name="elapsed"/>; true when it has just reached the scene of its call.</summary>
    public bool Advance(TimeSpan elapsed, Random rng)
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
                Patrol(elapsed, rng);
                return false;
            default:
                SpeedKmh = 0;
                return false;
        }
    }

    private void ReturnToPost(TimeSpan elapsed, Random rng)
    {
        var target = waitsAtStation ? area.Home : _waypoint ??= area.RandomPoint(rng);
        if (!Travel(target, Speeds.Patrol(rng), elapsed)) return;
        _waypoint = null;
        SpeedKmh = 0;
        Activity = waitsAtStation ? UnitActivity.Standby : UnitActivity.Patrolling;
    }

    private void Patrol(TimeSpan elapsed, Random rng)
    {
        var waypoint = _waypoint ??= area.RandomPoint(rng);
        var speed = Speeds.Patrol(rng);
        var next = GeoStep.Toward(Position, waypoint, speed * 1000 * elapsed.TotalHours);
        // The straight line to a waypoint may cut across a neighbour's grid; turn instead of leaving the area.
        if (!area.Contains(next))
        {
            _waypoint = null;
            SpeedKmh = 0;
            return;
        }
        if (Travel(waypoint, speed, elapsed)) _waypoint = null;
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
