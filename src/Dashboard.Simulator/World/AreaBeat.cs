using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

/// <summary>
/// An ordinary patrol: random points across the station's grids and, now and then, a must-visit point of the station's
/// round, where the unit stays long enough to check in. A unit that finds itself outside its grids — sent across the
/// boundary by <see cref="PatrolAreaStrays"/> — heads straight back.
/// </summary>
internal sealed class AreaBeat(StationArea area, PatrolRound? round) : IBeat
{
    /// <summary>Share of stops that are a must-visit point, when the station has any.</summary>
    public const double MustVisitShare = 0.3;

    public Stop Next(LatLon from, DateTimeOffset now, Random rng)
    {
        if (!area.Contains(from)) return new Stop(area.RandomPoint(rng), TimeSpan.Zero, KeepsToArea: false);
        if (round is not null && rng.NextDouble() < MustVisitShare && round.Pick(from, now, rng) is { } point)
            return new Stop(point.Location, point.Stay(rng), PointCode: point.Code);
        return new Stop(area.RandomPoint(rng), TimeSpan.Zero);
    }

    public void Completed(Stop stop, DateTimeOffset at)
    {
        if (stop.PointCode is { } code) round?.Visited(code, at);
    }
}
