using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

/// <summary>
/// A heavy vehicle's working day: it loads at a building site, drives across the township to a dump, unloads, and goes
/// back for the next load. On some trips the driver takes the shortcut through a zone heavy vehicles must keep out of —
/// the village street past the school — which is the crossing the geofence model watches for.
/// </summary>
internal sealed class HaulRoute : IBeat
{
    /// <summary>Share of trips that cut through a forbidden zone, when there is one.</summary>
    public const double ShortcutShare = 0.25;

    private readonly LatLon[] _ends;
    private readonly IReadOnlyList<RingShape> _zones;
    private int _toward = 1;
    private bool _shortcutDecided;

    /// <param name="zones">The zones this vehicle's kind is kept out of.</param>
    public HaulRoute(IReadOnlyList<GridShape> grids, IReadOnlyList<RingShape> zones, Random rng)
    {
        _ends = [grids[rng.Next(grids.Count)].RandomPoint(rng), grids[rng.Next(grids.Count)].RandomPoint(rng)];
        _zones = zones;
    }

    /// <summary>The building site, where the vehicle starts its day.</summary>
    public LatLon Site => _ends[0];

    public Stop Next(LatLon from, DateTimeOffset now, Random rng)
    {
        if (!_shortcutDecided)
        {
            _shortcutDecided = true;
            if (_zones.Count > 0 && rng.NextDouble() < ShortcutShare)
                return new Stop(_zones[rng.Next(_zones.Count)].RandomPoint(rng), TimeSpan.Zero, KeepsToArea: false);
        }
        _shortcutDecided = false;
        var end = _ends[_toward];
        _toward = 1 - _toward;
        // Loading or unloading takes a while; the driver waits his turn at the dump.
        return new Stop(end, TimeSpan.FromMinutes(10 + rng.NextDouble() * 15), KeepsToArea: false);
    }

    public void Completed(Stop stop, DateTimeOffset at) { }
}
