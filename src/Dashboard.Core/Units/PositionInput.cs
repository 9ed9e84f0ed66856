using Dashboard.Core.Validation;

namespace Dashboard.Core.Units;

/// <summary>One GPS fix as a vehicle terminal posts it to <c>POST /api/v1/positions</c>.</summary>
public sealed record PositionInput(string? UnitCode, DateTimeOffset? At, double? Lat, double? Lon, double? SpeedKmh, double? Heading)
{
    public const int MaxBatch = 5000;

    public FieldErrors Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Required("unitCode", UnitCode, 32);
        errors.Timestamp("at", At, now);
        errors.Coordinate("", Lat, Lon);
        if (SpeedKmh is < 0 or > 400 || (SpeedKmh is { } s && double.IsNaN(s))) errors.Add("speedKmh", "must be between 0 and 400");
        if (Heading is < 0 or > 360 || (Heading is { } h && double.IsNaN(h))) errors.Add("heading", "must be between 0 and 360 degrees");
        return errors;
    }
}

public sealed record PositionBatchResult(int Accepted, int Stale, IReadOnlyList<string> UnknownUnits);
