namespace Dashboard.Core.Validation;

/// <summary>The fate of one item of a batch: accepted with a value, or rejected with per-field errors.</summary>
public sealed record ItemOutcome<T>(int Index, T? Value, IDictionary<string, string[]>? Errors) where T : class
{
    public bool Accepted => Errors is null;
    public static ItemOutcome<T> Ok(int index, T value) => new(index, value, null);
    public static ItemOutcome<T> Rejected(int index, IDictionary<string, string[]> errors) => new(index, null, errors);
    public static ItemOutcome<T> Rejected(int index, string field, string message) =>
        new(index, null, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Who is sending data: an upstream system's key and the part of the tree it may write to.</summary>
public sealed record IngestionSource(int? KeyId, Jurisdictions.JurisdictionScope Scope);
