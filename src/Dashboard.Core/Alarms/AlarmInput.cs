using Dashboard.Core.People;
using Dashboard.Core.Validation;

namespace Dashboard.Core.Alarms;

public sealed record GeoPoint(double? Lat, double? Lon);

public sealed record PartyInput(string? Name, string? IdNumber, string? Phone, string? Role)
{
    public const int MaxParties = 50;

    public static void ValidateAll(FieldErrors errors, IReadOnlyList<PartyInput?>? parties)
    {
        if (parties is null) return;
        if (parties.Count > MaxParties) errors.Add("parties", $"must list at most {MaxParties} parties");
        for (var i = 0; i < Math.Min(parties.Count, MaxParties); i++)
        {
            var party = parties[i];
            var prefix = $"parties[{i}].";
            if (party is null) { errors.Add($"parties[{i}]", "must be an object"); continue; }
            errors.Required(prefix + "name", party.Name, 50);
            if (party.IdNumber is not null && !ChineseIdNumber.IsValid(party.IdNumber))
                errors.Add(prefix + "idNumber", "is not a valid 18-character ID number");
            if (party.Phone is not null && !PhoneNumber.IsPlausible(party.Phone)) errors.Add(prefix + "phone", "is not a phone number");
            errors.Optional(prefix + "role", party.Role, 32);
        }
    }
}

/// <summary>One alarm as the 110 system posts it to <c>POST /api/v1/alarms</c>.</summary>
public sealed record AlarmInput(
    string? ExternalId,
    DateTimeOffset? ReceivedAt,
    string? Category,
    string? Subcategory,
    int? Priority,
    string? Summary,
    string? Address,
    GeoPoint? Location,
    string? StationCode,
    string? CallerPhone,
    IReadOnlyList<PartyInput>? Parties,
    bool? Injury = null)
{
    public const int MaxBatch = 1000;

    public FieldErrors Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Required("externalId", ExternalId, 64);
        errors.Timestamp("receivedAt", ReceivedAt, now);
        if (!AlarmCategories.IsCategory(Category))
            errors.Add("category", $"must be one of: {string.Join(", ", AlarmCategories.All)}");
        else if (Subcategory is not null && !AlarmCategories.BelongsTo(Category!, Subcategory))
            errors.Add("subcategory", $"must be one of: {string.Join(", ", AlarmCategories.Subcategories[Category!])}");
        if (Priority is < 1 or > 4) errors.Add("priority", "must be between 1 (most urgent) and 4");
        errors.Required("summary", Summary, 500);
        errors.Optional("address", Address, 200);
        errors.Optional("stationCode", StationCode, 32);
        if (Location is not null) errors.Coordinate("location.", Location.Lat, Location.Lon);
        if (CallerPhone is not null && !PhoneNumber.IsPlausible(CallerPhone)) errors.Add("callerPhone", "is not a phone number");
        PartyInput.ValidateAll(errors, Parties);
        return errors;
    }
}

/// <summary>A status event for <c>POST /api/v1/alarms/{externalId}/events</c>.</summary>
public sealed record AlarmEventInput(string? Status, DateTimeOffset? At, string? UnitCode)
{
    public FieldErrors Validate(DateTimeOffset now, out AlarmStatus status)
    {
        var errors = new FieldErrors();
        status = default;
        if (Status is null || !Status.All(char.IsAsciiLetter) || !Enum.TryParse(Status, ignoreCase: false, out status) || status == AlarmStatus.Received || !Enum.IsDefined(status))
            errors.Add("status", "must be one of: Dispatched, OnScene, Resolved, Closed");
        errors.Timestamp("at", At, now);
        errors.Optional("unitCode", UnitCode, 32);
        return errors;
    }
}

/// <summary>What the API answers for an accepted alarm, first time or repeat.</summary>
public sealed record AlarmAccepted(long Id, string ExternalId, string? GridCode, string? StationCode, bool Duplicate);
