using Dashboard.Core.Units;

namespace Dashboard.Simulator.World;

/// <summary>How fast a kind of unit moves on patrol and when responding to a call, in km/h.</summary>
internal sealed record UnitSpeeds(double PatrolMin, double PatrolMax, double ResponseMin, double ResponseMax)
{
    public static UnitSpeeds For(UnitKind? kind) => kind switch
    {
        UnitKind.PatrolCar => new(20, 30, 30, 40),
        UnitKind.Motorcycle => new(15, 25, 30, 40),
        // Loaded trucks on township roads; they are never sent to calls, so the response speeds go unused.
        UnitKind.HeavyVehicle => new(30, 45, 30, 45),
        _ => new(3.5, 5, 4, 5),
    };

    public double Patrol(Random rng) => PatrolMin + rng.NextDouble() * (PatrolMax - PatrolMin);

    public double Response(Random rng) => ResponseMin + rng.NextDouble() * (ResponseMax - ResponseMin);

    public double MeanResponse => (ResponseMin + ResponseMax) / 2;
}
