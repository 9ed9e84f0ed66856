using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Warnings;

/// <summary>
/// Splits a cleaned address (ASCII digits, canonical kind words, dashes only between numbers) into names and numbers,
/// and gives every number written without its kind (a dropped 号 or 室, a 3-2-501 chain) the kind its place implies.
/// </summary>
internal static partial class AddressParts
{
    // Kinds from the coarsest to the finest: a chain of numbers always runs this way.
    private static readonly string[] Hierarchy = ["组", "号", "栋", "单元", "层", "室"];

    // Which kinds a short chain takes first: 3-501 is a building and a room, not a house and a unit. A group or a floor
    // is never guessed; call-takers always write 组 or 楼 for those.
    private static readonly string[] Preference = ["室", "栋", "单元", "号"];

    /// <summary>The key of a cleaned address; null when it holds no number at all, since a bare village or road is no household.</summary>
    public static string? Compose(string text)
    {
        var numbers = Number().Matches(text);
        if (numbers.Count == 0) return null;
        var key = new StringBuilder();
        var chain = new List<string>();
        string? previousKind = null;
        var position = 0;
        foreach (Match number in numbers)
        {
            var name = NameBetween(text, position, number.Index);
            if (name.Length > 0)
            {
                CloseChain(chain, null, previousKind, key);
                key.Append(name);
                previousKind = null;
            }
            chain.Add(WithoutLeadingZeros(number.Groups["value"].Value));
            if (!number.Groups["dash"].Success)
                previousKind = CloseChain(chain, NullIfEmpty(number.Groups["kind"].Value), previousKind, key);
            position = number.Index + number.Length;
        }
        CloseChain(chain, null, previousKind, key);
        // Words after the last number are remarks (张三家, 东侧, 对面) and left out.
        return key.ToString();
    }

    /// <summary>
    /// The kinds of a chain of <paramref name="count"/> numbers whose last one was written with
    /// <paramref name="writtenKind"/> (null when bare), following a number of kind <paramref name="previousKind"/>
    /// in the same run (null after a name). Null when no reading fits, e.g. 88-3号 (a house number with a suffix).
    /// </summary>
    private static string[]? KindsOf(int count, string? writtenKind, string? previousKind)
    {
        var lower = previousKind is null ? -1 : Array.IndexOf(Hierarchy, previousKind);
        // After a name or a group, a lone number is the door number (人民路12, 3组12).
        if (writtenKind is null && count == 1 && lower <= 0) return ["号"];
        // Inside a building a 号 is a room: 3栋2单元501号.
        if (writtenKind == "号" && previousKind is "栋" or "单元" or "层") writtenKind = "室";
        var upper = writtenKind is null ? Hierarchy.Length : Array.IndexOf(Hierarchy, writtenKind);
        var bare = writtenKind is null ? count : count - 1;
        var guessed = Preference
            .Where(k => Array.IndexOf(Hierarchy, k) > lower && Array.IndexOf(Hierarchy, k) < upper)
            .Take(bare)
            .OrderBy(k => Array.IndexOf(Hierarchy, k))
            .ToList();
        if (guessed.Count < bare) return null;
        if (writtenKind is not null) guessed.Add(writtenKind);
        return [.. guessed];
    }

    private static string? CloseChain(List<string> chain, string? writtenKind, string? previousKind, StringBuilder key)
    {
        if (chain.Count == 0) return previousKind;
        var kinds = KindsOf(chain.Count, writtenKind, previousKind);
        if (kinds is null)
        {
            // Keep the chain as one number rather than guess, so 88-3号 stays apart from 88号 and from 3号.
            kinds = [writtenKind ?? "号"];
            var joined = string.Join('-', chain);
            chain.Clear();
            chain.Add(joined);
        }
        for (var i = 0; i < chain.Count; i++) key.Append(chain[i]).Append(kinds[i]);
        chain.Clear();
        return kinds[^1];
    }

    private static string NameBetween(string text, int start, int end) =>
        text[start..end].Replace("-", "", StringComparison.Ordinal);

    // 0501 and 501 are one room.
    private static string WithoutLeadingZeros(string value) => value.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    // A number is one when its kind follows, or it is part of a dash chain, or it ends the address; otherwise it belongs
    // to a name (曹杨1村, 长乐路123弄, 51路). A lone latin letter numbers a building too (A座).
    [GeneratedRegex("(?<value>[0-9]+|(?<![a-z])[a-z])(?:(?<kind>组|号|栋|单元|层|室)|(?<dash>-)|$)")]
    private static partial Regex Number();
}
