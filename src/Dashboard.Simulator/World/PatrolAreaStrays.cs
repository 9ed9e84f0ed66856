using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Warnings;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

/// <summary>
/// Patrol cars fenced into their station's patrol area do not always stay in it: lunch across the boundary, a shortcut,
/// a favour for the neighbouring station. Every few hours one of them, on patrol, drives into the nearest grid outside
/// its fence, stays a few minutes and comes back — the patrol-area crossing the geofence model watches for.
/// </summary>
internal sealed class PatrolAreaStrays
{
    public static readonly TimeSpan MeanInterval = TimeSpan.FromHours(3);

    private readonly List<(SimulatedUnit Unit, RingShape Fence)> _fenced;
    private readonly IReadOnlyList<GridShape> _grids;
    private readonly Random _rng;
    private DateTimeOffset? _next;

    private PatrolAreaStrays(List<(SimulatedUnit, RingShape)> fenced, IReadOnlyList<GridShape> grids, Random rng) =>
        (_fenced, _grids, _rng) = (fenced, grids, rng);

    /// <summary>The units named in the reference data's patrol-area fences, each with its fence.</summary>
    public static PatrolAreaStrays For(ReferenceData reference, IReadOnlyList<SimulatedUnit> units, IReadOnlyList<GridShape> grids, Random rng)
    {
        var byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var fenced = (reference.Geofences ?? [])
            .Where(f => f.Kind == nameof(GeofenceKind.PatrolArea) && f.Ring is { Count: >= 3 })
            .SelectMany(f => f.UnitCodes.Where(byCode.ContainsKey).Select(code => (byCode[code], new RingShape(f.Ring))))
            .ToList();
        return new PatrolAreaStrays(fenced, grids, rng);
    }

    /// <summary>Sends one fenced unit out when the next stray falls due.</summary>
    public void Step(DateTimeOffset now)
    {
        if (_fenced.Count == 0) return;
        _next ??= now + Interval();
        if (now < _next) return;
        _next = now + Interval();
        var patrolling = _fenced.Where(f => f.Unit.IsOnPatrol).ToList();
        if (patrolling.Count == 0) return;
        var (unit, fence) = patrolling[_rng.Next(patrolling.Count)];
        if (Outside(unit.Position, fence) is { } target)
            unit.Stray(new Stop(target, TimeSpan.FromMinutes(3 + _rng.NextDouble() * 9), KeepsToArea: false));
    }

    private TimeSpan Interval() => MeanInterval * -Math.Log(1 - _rng.NextDouble());

    /// <summary>A point in the nearest grid outside the fence: the neighbouring station's patch across the boundary.</summary>
    private LatLon? Outside(LatLon from, RingShape fence)
    {
        foreach (var grid in _grids.Where(g => !fence.Contains(g.Center)).OrderBy(g => GeoStep.Meters(from, g.Center)))
        {
            var point = grid.RandomPoint(_rng);
            if (!fence.Contains(point)) return point;
        }
        return null;
    }
}
