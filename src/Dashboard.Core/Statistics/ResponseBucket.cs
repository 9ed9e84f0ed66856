using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Statistics;

/// <summary>
/// Response times (received → first unit on scene) as a histogram per local day of the call × node × whole minute, at
/// every level down to the communities like <see cref="AlarmBucket"/>'s hours: a quarter's median and 90th percentile per
/// station read a few thousand rows, not millions of alarms. Times of <see cref="MaxMinute"/> minutes or more share the last bin.
/// </summary>
public sealed class ResponseBucket : IJurisdictionScoped
{
    public const int MaxMinute = 240;

    /// <summary>The local midnight, in UTC, that starts the day the call came in.</summary>
    public DateTimeOffset Day { get; set; }
    public required string JurisdictionPath { get; set; }
    public int Depth { get; set; }
    public int Minute { get; set; }
    public int Count { get; set; }

    /// <summary>The bin a response falls in; null for a time before the call (bad upstream data), which is not counted.</summary>
    public static int? MinuteOf(DateTimeOffset receivedAt, DateTimeOffset onSceneAt)
    {
        var minutes = (onSceneAt - receivedAt).TotalMinutes;
        return minutes < 0 ? null : (int)Math.Min(MaxMinute, Math.Floor(minutes));
    }

    public static IEnumerable<(DateTimeOffset Day, string Path, int Depth, int Minute)> KeysOf(
        DateTimeOffset receivedAt, DateTimeOffset? onSceneAt, string jurisdictionPath, LocalCalendar calendar)
    {
        if (onSceneAt is not { } onScene || MinuteOf(receivedAt, onScene) is not { } minute) yield break;
        var day = calendar.DayOf(receivedAt).Start;
        foreach (var (path, depth) in JurisdictionPaths.WithAncestors(jurisdictionPath))
            if (depth <= AlarmBucket.HourlyDepth) yield return (day, path, depth, minute);
    }
}

internal sealed class ResponseBucketConfiguration : IEntityTypeConfiguration<ResponseBucket>
{
    public void Configure(EntityTypeBuilder<ResponseBucket> b)
    {
        b.HasKey(x => new { x.JurisdictionPath, x.Day, x.Minute });
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.HasIndex(x => new { x.Depth, x.Day });
        b.HasIndex(x => x.Day);
    }
}
