using Dashboard.Core.Jurisdictions;

namespace Dashboard.Core.Warnings;

/// <summary>The keys a household is recognised by; any one shared between two records makes them the same household.</summary>
public static class HouseholdKeys
{
    /// <param name="path">Where the record lies: addresses only match within one township, where they are unique.</param>
    public static IReadOnlyList<string> Of(string? address, string path, IEnumerable<string?> idNumbers, IEnumerable<string?> phones)
    {
        var keys = new List<string>();
        if (AddressNormalizer.Key(address) is { } addressKey) keys.Add($"addr:{JurisdictionPaths.Root(path)}|{addressKey}");
        keys.AddRange(idNumbers.Select(IdKey).OfType<string>().Select(k => $"id:{k}"));
        keys.AddRange(phones.Select(PhoneKey).OfType<string>().Select(k => $"tel:{k}"));
        return keys.Distinct(StringComparer.Ordinal).Select(k => k.Length > 200 ? k[..200] : k).ToList();
    }

    private static string? IdKey(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : id.Trim().ToUpperInvariant();

    // +86, spaces and dashes are how the same number gets written differently.
    private static string? PhoneKey(string? phone)
    {
        if (phone is null) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13) digits = digits[2..];
        return digits.Length >= 7 ? digits : null;
    }
}
