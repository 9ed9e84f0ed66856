namespace Dashboard.Core.Validation;

/// <summary>Per-field error messages, shaped as RFC 7807 validation problem details want them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required");
        else if (value.Length > maxLength) Add(field, $"must be at most {maxLength} characters");
    }

    public void Optional(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"must be at most {maxLength} characters");
    }

    /// <summary>An upstream time must carry an offset and must not lie in the future beyond clock skew.</summary>
    public void Timestamp(string field, DateTimeOffset? value, DateTimeOffset now)
    {
        if (value is null) Add(field, "is required (ISO-8601 with offset)");
        else if (value.Value > now.AddMinutes(5)) Add(field, "must not be more than 5 minutes in the future");
        else if (value.Value < now.AddYears(-5)) Add(field, "is more than 5 years in the past");
    }

    public void Coordinate(string prefix, double? lat, double? lon)
    {
        if (lat is null or < -90 or > 90 || double.IsNaN(lat.Value)) Add($"{prefix}lat", "must be a latitude between -90 and 90");
        if (lon is null or < -180 or > 180 || double.IsNaN(lon.Value)) Add($"{prefix}lon", "must be a longitude between -180 and 180");
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
