using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

/// <summary>The grids a station polices, and the station building where standby units wait.</summary>
internal sealed class StationArea
{
    private readonly GridShape[] _grids;

    public StationArea(IReadOnlyList<GridShape> grids, LatLon? station, Random rng)
    {
        if (grids.Count == 0) throw new ArgumentException("a station area needs at least one grid", nameof(grids));
        _grids = [.. grids];
        Home = station ?? _grids[0].RandomPoint(rng);
    }

    public LatLon Home { get; }

    public bool Contains(LatLon point) => _grids.Any(g => g.Contains(point));

    public LatLon RandomPoint(Random rng) => _grids[rng.Next(_grids.Length)].RandomPoint(rng);
}
