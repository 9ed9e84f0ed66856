using System.Globalization;
using System.Text;

namespace Dashboard.Simulator.Synthetic;

/// <summary>The numeral spellings call-takers mix in addresses: 14, 十四, 一四 and full-width １４.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Positional reading up to 999: 14 → 十四, 105 → 一百零五, 20 → 二十.</summary>
    public static string Positional(int value)
    {
        if (value is < 0 or > 999) throw new ArgumentOutOfRangeException(nameof(value));
        if (value < 10) return Digits[value].ToString();
        if (value < 20) return "十" + (value % 10 == 0 ? "" : Digits[value % 10].ToString());
        if (value < 100) return Digits[value / 10] + "十" + (value % 10 == 0 ? "" : Digits[value % 10].ToString());
        var rest = value % 100;
        var hundreds = Digits[value / 100] + "百";
        if (rest == 0) return hundreds;
        // 一百一十五: inside a larger number the tens keep their 一.
        return hundreds + (rest < 10 ? "零" + Digits[rest] : rest < 20 ? "一" + Positional(rest) : Positional(rest));
    }

    /// <summary>Digit by digit, the way room numbers are read out: 1102 → 一一零二.</summary>
    public static string DigitByDigit(string asciiDigits)
    {
        var text = new StringBuilder(asciiDigits.Length);
        foreach (var c in asciiDigits) text.Append(Digits[c - '0']);
        return text.ToString();
    }

    /// <summary>Back to Arabic digits; handles both spellings above. Null when the text is not a numeral.</summary>
    public static string? ToArabic(string chinese)
    {
        if (chinese.Length == 0) return null;
        if (!chinese.Contains('十') && !chinese.Contains('百'))
        {
            var digits = new StringBuilder(chinese.Length);
            foreach (var c in chinese)
            {
                var d = Digits.IndexOf(c, StringComparison.Ordinal);
                if (d < 0) return null;
                digits.Append((char)('0' + d));
            }
            return digits.ToString();
        }
        return ParsePositional(chinese)?.ToString(CultureInfo.InvariantCulture);
    }

    public static string ToFullWidth(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text) result.Append(char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c);
        return result.ToString();
    }

    private static int? ParsePositional(string chinese)
    {
        int total = 0, pending = 0;
        foreach (var c in chinese)
        {
            if (c == '百') { total += Math.Max(pending, 1) * 100; pending = 0; }
            else if (c == '十') { total += Math.Max(pending, 1) * 10; pending = 0; }
            else if (c == '零') continue;
            else
            {
                var d = Digits.IndexOf(c, StringComparison.Ordinal);
                if (d < 0) return null;
                pending = d;
            }
        }
        return total + pending;
    }
}
