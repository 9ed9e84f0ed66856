using Dashboard.Core.Statistics;

namespace Dashboard.Core.Alarms;

/// <summary>What a desk list asks for. Every part narrows the caller's scope; none of them can widen it.</summary>
public sealed record AlarmFilter(
    string? StationCode = null, string? Category = null, Period? Period = null, AlarmStatus? Status = null, string? Text = null)
{
    public const int MaxTextLength = 100;
    public const string LikeEscape = @"\";

    /// <summary>A LIKE pattern that finds <paramref name="text"/> anywhere, its own % and _ taken literally.</summary>
    public static string ContainsPattern(string text)
    {
        var escaped = text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_").Replace("[", @"\[");
        return $"%{escaped}%";
    }
}

/// <summary>One page of a list and how many rows match in all.</summary>
public sealed record AlarmPage(IReadOnlyList<AlarmListItem> Items, int Total);
