using Dashboard.Core.Jurisdictions;

namespace Dashboard.Simulator.Synthetic;

/// <summary>A WGS-84 point.</summary>
public readonly record struct LatLon(double Lat, double Lon);

/// <summary>A grid outline for generating points; see <see cref="RingShape"/> for how containment and sampling work.</summary>
public sealed class GridShape
{
    private readonly RingShape _outline;

    public GridShape(ReferenceGrid grid)
    {
        if (grid.Ring is not { Count: >= 3 } || grid.Ring.Count(p => p is { Length: >= 2 }) < 3)
            throw new ArgumentException($"grid {grid.Code} has no outline", nameof(grid));
        Grid = grid;
        _outline = new RingShape(grid.Ring);
    }

    public ReferenceGrid Grid { get; }

    public LatLon Center => _outline.Center;

    public bool Contains(LatLon point) => _outline.Contains(point);

    public LatLon RandomPoint(Random rng) => _outline.RandomPoint(rng);
}
