using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Simulator.Synthetic;

/// <summary>The individual ways one household address gets written differently; see <see cref="SyntheticAddresses.Variant"/>.</summary>
internal static partial class AddressRewrites
{
    private delegate string? Rewrite(string address, string? township, Random rng);

    private static readonly Rewrite[] All =
    [
        AddOrDropTownship, ArabicToChinese, ChineseToArabic, FullWidthDigits, InsertSeparator, SwapBuildingWord,
        SwapGroupWord, DashedUnit, DropHouseNumberWord, DropRoomWord,
    ];

    private static readonly string[] Separators = [" ", " ", "，", "、", "-"];

    public static string Apply(string address, string? township, Random rng)
    {
        var order = Enumerable.Range(0, All.Length).ToArray();
        rng.Shuffle(order);
        var wanted = rng.Next(1, 4);
        var current = address;
        foreach (var index in order)
        {
            if (wanted == 0) break;
            if (All[index](current, township, rng) is { } rewritten && rewritten != current)
            {
                current = rewritten;
                wanted--;
            }
        }
        // Two rewrites can cancel out (14 → 十四 → 14); a variant must still read differently.
        return current != address ? current : InsertSeparator(address, township, rng) ?? address + " ";
    }

    private static string? AddOrDropTownship(string address, string? township, Random rng)
    {
        if (!string.IsNullOrEmpty(township))
            return address.StartsWith(township, StringComparison.Ordinal) ? NonEmpty(address[township.Length..]) : township + address;
        var end = address.AsSpan(0, Math.Min(address.Length, 6)).IndexOfAny('镇', '乡');
        return end > 0 ? NonEmpty(address[(end + 1)..]) : null;
    }

    private static string? ArabicToChinese(string address, string? township, Random rng) =>
        ReplaceOne(ArabicNumber(), address, rng, digits =>
        {
            var readDigitByDigit = digits.Length > 3 || (digits.Length == 3 && rng.Next(2) == 0) || digits[0] == '0';
            return readDigitByDigit ? ChineseNumerals.DigitByDigit(digits) : ChineseNumerals.Positional(int.Parse(digits, CultureInfo.InvariantCulture));
        });

    private static string? ChineseToArabic(string address, string? township, Random rng) =>
        ReplaceOne(ChineseNumber(), address, rng, ChineseNumerals.ToArabic);

    private static string? FullWidthDigits(string address, string? township, Random rng) =>
        ArabicNumber().IsMatch(address) ? ChineseNumerals.ToFullWidth(address) : null;

    private static string? InsertSeparator(string address, string? township, Random rng)
    {
        var boundaries = Boundary().Matches(address).Select(m => m.Index + m.Length).Where(i => i < address.Length).ToList();
        if (boundaries.Count == 0) return null;
        var at = boundaries[rng.Next(boundaries.Count)];
        return address.Insert(at, Separators[rng.Next(Separators.Length)]);
    }

    private static string? SwapBuildingWord(string address, string? township, Random rng) =>
        address.Contains('栋') ? address.Replace('栋', '幢') : address.Contains('幢') ? address.Replace('幢', '栋') : null;

    private static string? SwapGroupWord(string address, string? township, Random rng)
    {
        if (address.Contains("村民小组", StringComparison.Ordinal)) return address.Replace("村民小组", "组", StringComparison.Ordinal);
        var group = GroupWord();
        return group.IsMatch(address) ? group.Replace(address, "$1村民小组", 1) : null;
    }

    private static string? DashedUnit(string address, string? township, Random rng)
    {
        var unit = BuildingUnitRoom();
        return unit.IsMatch(address) ? unit.Replace(address, "$1-$2-$3", 1) : null;
    }

    private static string? DropHouseNumberWord(string address, string? township, Random rng)
    {
        if (address.EndsWith('号')) return NonEmpty(address[..^1]);
        var beforeBuilding = HouseNumberBeforeDigit();
        return beforeBuilding.IsMatch(address) ? beforeBuilding.Replace(address, "-", 1) : null;
    }

    private static string? DropRoomWord(string address, string? township, Random rng) =>
        address.EndsWith('室') ? NonEmpty(address[..^1]) : null;

    private static string? ReplaceOne(Regex pattern, string address, Random rng, Func<string, string?> replace)
    {
        var matches = pattern.Matches(address);
        if (matches.Count == 0) return null;
        var match = matches[rng.Next(matches.Count)];
        return replace(match.Value) is { } replacement
            ? string.Concat(address.AsSpan(0, match.Index), replacement, address.AsSpan(match.Index + match.Length))
            : null;
    }

    private static string? NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex("[0-9]+")]
    private static partial Regex ArabicNumber();

    // Only numerals that count something (house, group, building…), so place names are left alone.
    [GeneratedRegex("[零一二三四五六七八九十百]+(?=号|组|栋|幢|单元|室|村民小组)")]
    private static partial Regex ChineseNumber();

    [GeneratedRegex("村(?!民)|镇|组|号|路|街|栋|幢|单元|花园|新村|家园|苑|小区")]
    private static partial Regex Boundary();

    [GeneratedRegex("([0-9０-９零一二三四五六七八九十]+)组")]
    private static partial Regex GroupWord();

    [GeneratedRegex("([0-9]+)[栋幢]([0-9]+)单元([0-9]+)室?")]
    private static partial Regex BuildingUnitRoom();

    [GeneratedRegex("号(?=[0-9０-９零一二三四五六七八九十])")]
    private static partial Regex HouseNumberBeforeDigit();
}
