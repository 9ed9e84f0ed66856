using Dashboard.Core.Warnings;

namespace Dashboard.Web.Components.Warnings;

/// <summary>The warning centre's filter as it stands in the address, so a reload or a bookmark shows the same list.</summary>
public static class WarningQuery
{
    public static WarningFilter Parse(string? state, string? model, string? level, bool? open) => new(
        Enum.TryParse<WarningState>(state, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null,
        model is { Length: > 0 and <= 64 } ? model.Trim() : null,
        Enum.TryParse<WarningLevel>(level, ignoreCase: true, out var l) && Enum.IsDefined(l) ? l : null,
        open ?? false);

    public static IReadOnlyDictionary<string, object?> ToQuery(WarningFilter filter) => new Dictionary<string, object?>
    {
        ["state"] = filter.State?.ToString(),
        ["model"] = filter.ModelCode,
        ["level"] = filter.Level?.ToString(),
        ["open"] = filter.OpenOnly ? true : null,
    };
}
