using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

/// <summary>Where a free unit heads next, and how long it stays once there.</summary>
/// <param name="KeepsToArea">An ordinary patrol leg turns back rather than cross out of the station's grids; a trip
/// home, a heavy vehicle's haul or a stray does not.</param>
/// <param name="PointCode">The must-visit point the stop is at, if any.</param>
internal sealed record Stop(LatLon At, TimeSpan Stay, bool KeepsToArea = true, string? PointCode = null);

/// <summary>What a unit does when no call needs it: the next stop on its beat.</summary>
internal interface IBeat
{
    Stop Next(LatLon from, DateTimeOffset now, Random rng);

    /// <summary>The unit stayed at the stop for the whole time it meant to.</summary>
    void Completed(Stop stop, DateTimeOffset at);
}
