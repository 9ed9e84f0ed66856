using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Warnings;

/// <summary>
/// Rewrites the Chinese numerals of an address in Arabic digits. Both spoken forms occur: positional (十二, 一百零五)
/// for house numbers and digit by digit (一一零二, 二〇一) for rooms.
/// </summary>
internal static partial class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static string ToArabic(string text) => Numeral().Replace(text, m => Convert(m.Value));

    private static string Convert(string numeral)
    {
        var plain = numeral.Replace('〇', '零').Replace('两', '二');
        return plain.AsSpan().IndexOfAny("十百千") < 0
            ? DigitByDigit(plain)
            : Positional(plain).ToString(CultureInfo.InvariantCulture);
    }

    private static string DigitByDigit(string numeral)
    {
        var digits = new StringBuilder(numeral.Length);
        foreach (var c in numeral) digits.Append((char)('0' + Digits.IndexOf(c, StringComparison.Ordinal)));
        return digits.ToString();
    }

    // A unit without a digit before it counts once: 十二 is 12 like 一十二.
    private static int Positional(string numeral)
    {
        int total = 0, pending = 0;
        foreach (var c in numeral)
        {
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                pending = Digits.IndexOf(c, StringComparison.Ordinal);
                continue;
            }
            total += Math.Max(pending, 1) * unit;
            pending = 0;
        }
        return total + pending;
    }

    [GeneratedRegex("[〇零一二三四五六七八九十百千两]+")]
    private static partial Regex Numeral();
}
