using Dashboard.Core.Warnings;

namespace Dashboard.Simulator.World;

/// <summary>
/// How long a call waits before a unit is sent. Usually a minute or three; now and then far longer — the call-taker is
/// swamped, the address needs a call back, the crews are tied up — so nobody is on scene within the centre's target
/// for the call's priority, which is what the slow-response model warns about.
/// </summary>
internal static class DispatchDelays
{
    /// <summary>Share of calls held until after their response target has passed.</summary>
    public const double HeldShare = 0.05;

    // The server's default targets (10/15/30/45 minutes by priority): a held call misses them even with a unit next door.
    private static readonly SlowResponseParameters Targets = new();

    public static TimeSpan For(int priority, Random rng) => rng.NextDouble() < HeldShare
        ? TimeSpan.FromMinutes(Targets.MinutesFor(priority) + 2 + rng.NextDouble() * 15)
        : TimeSpan.FromMinutes(1 + 2 * rng.NextDouble());
}
