namespace Dashboard.Core.People;

/// <summary>18-character resident identity number (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("expected 17 digits", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i])) throw new ArgumentException("expected digits only", nameof(first17));
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    public static bool IsValid(string? value)
    {
        if (value is not { Length: 18 }) return false;
        for (var i = 0; i < 17; i++) if (!char.IsAsciiDigit(value[i])) return false;
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", out _)) return false;
        return char.ToUpperInvariant(value[17]) == CheckCharacter(value.AsSpan(0, 17));
    }
}
