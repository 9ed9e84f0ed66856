namespace Dashboard.Simulator.Synthetic;

/// <summary>
/// A closed outline of [lon, lat] pairs (a grid, a fence): containment by ray casting and uniform random points by
/// rejection sampling in the bounding box. Good enough for generation; the server does the authoritative geometry.
/// </summary>
internal sealed class RingShape
{
    private const int MaxSamplingAttempts = 10_000;
    private readonly double[][] _ring;
    private readonly double _minLon, _maxLon, _minLat, _maxLat;

    public RingShape(IReadOnlyList<double[]> ring)
    {
        _ring = ring.Where(p => p is { Length: >= 2 }).ToArray();
        if (_ring.Length < 3) throw new ArgumentException("an outline needs at least three points", nameof(ring));
        _minLon = _ring.Min(p => p[0]);
        _maxLon = _ring.Max(p => p[0]);
        _minLat = _ring.Min(p => p[1]);
        _maxLat = _ring.Max(p => p[1]);
    }

    /// <summary>The middle of the bounding box: where "the nearest grid" is measured from.</summary>
    public LatLon Center => new((_minLat + _maxLat) / 2, (_minLon + _maxLon) / 2);

    public bool Contains(LatLon point)
    {
        if (point.Lon < _minLon || point.Lon > _maxLon || point.Lat < _minLat || point.Lat > _maxLat) return false;
        var inside = false;
        for (int i = 0, j = _ring.Length - 1; i < _ring.Length; j = i++)
        {
            double xi = _ring[i][0], yi = _ring[i][1], xj = _ring[j][0], yj = _ring[j][1];
            var crosses = (yi > point.Lat) != (yj > point.Lat)
                && point.Lon < (xj - xi) * (point.Lat - yi) / (yj - yi) + xi;
            if (crosses) inside = !inside;
        }
        return inside;
    }

    public LatLon RandomPoint(Random rng)
    {
        for (var attempt = 0; attempt < MaxSamplingAttempts; attempt++)
        {
            var candidate = new LatLon(
                _minLat + rng.NextDouble() * (_maxLat - _minLat),
                _minLon + rng.NextDouble() * (_maxLon - _minLon));
            if (Contains(candidate)) return candidate;
        }
        // A degenerate (zero-area) ring has no inside; its first vertex is the best we can do.
        return new LatLon(_ring[0][1], _ring[0][0]);
    }
}
