using Dashboard.Core.Alarms;
using Dashboard.Core.Validation;

namespace Dashboard.Core.Disputes;

/// <summary>
/// A dispute as it is registered: by staff on the form, or by the hotline / grid app through <c>POST /api/v1/disputes</c>
/// (which must send <c>externalId</c> and <c>reportedAt</c>). Enumerations are their names, case-insensitive.
/// </summary>
public sealed record DisputeInput(
    string? ExternalId,
    DateTimeOffset? ReportedAt,
    string? Source,
    string? Category,
    string? Risk,
    string? Description,
    string? Address,
    GeoPoint? Location,
    string? StationCode,
    int? PeopleInvolved,
    IReadOnlyList<PartyInput?>? Parties)
{
    public const int MaxBatch = 1000;

    /// <summary>Sources an upstream system may claim; staff and alarm conversions are the app's own.</summary>
    public static readonly DisputeSource[] UpstreamSources = [DisputeSource.Hotline, DisputeSource.GridApp, DisputeSource.GridWorker];

    /// <param name="fromUpstream">An upstream system: externalId and reportedAt are required, the source must be an upstream one.</param>
    public FieldErrors Validate(DateTimeOffset now, bool fromUpstream)
    {
        var errors = new FieldErrors();
        if (fromUpstream)
        {
            errors.Required("externalId", ExternalId, 64);
            errors.Timestamp("reportedAt", ReportedAt, now);
            if (!TryParse<DisputeSource>(Source, out var source) || !UpstreamSources.Contains(source))
                errors.Add("source", $"must be one of: {string.Join(", ", UpstreamSources)}");
        }
        else if (ReportedAt is { } at) errors.Timestamp("reportedAt", at, now);
        if (!TryParse<DisputeCategory>(Category, out _))
            errors.Add("category", $"must be one of: {string.Join(", ", Enum.GetNames<DisputeCategory>())}");
        if (!TryParse<RiskColor>(Risk, out _)) errors.Add("risk", "must be one of: Red, Yellow, Green");
        errors.Required("description", Description, 2000);
        errors.Optional("address", Address, 200);
        errors.Optional("stationCode", StationCode, 32);
        if (Location is not null) errors.Coordinate("location.", Location.Lat, Location.Lon);
        if (PeopleInvolved is < 1 or > 100_000) errors.Add("peopleInvolved", "must be between 1 and 100000");
        if (Parties is not { Count: > 0 }) errors.Add("parties", "must list at least one party");
        PartyInput.ValidateAll(errors, Parties);
        return errors;
    }

    public DisputeCategory CategoryValue => Parse<DisputeCategory>(Category);
    public RiskColor RiskValue => Parse<RiskColor>(Risk);
    public DisputeSource SourceValue => Parse<DisputeSource>(Source);

    private static T Parse<T>(string? value) where T : struct, Enum => TryParse<T>(value, out var parsed) ? parsed : default;

    // Names only: Enum.TryParse would also take "7" or "1,2".
    private static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        return value is { Length: > 0 and <= 32 } && value.All(char.IsAsciiLetter) && Enum.TryParse(value, ignoreCase: true, out parsed);
    }
}

/// <summary>What intake answers for a registered case, first time or repeat.</summary>
public sealed record DisputeAccepted(long Id, string CaseNumber, string? ExternalId, string? GridCode, bool Duplicate);
