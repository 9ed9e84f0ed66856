using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Statistics;

/// <summary>How long a bucket is: an hour (UTC hours, whole local hours in Asia/Shanghai), or a local calendar day.</summary>
public enum BucketSpan { Hour = 1, Day = 2 }

/// <summary>
/// Alarms counted per span × node × category, so statistics read a few hundred rows instead of millions. An alarm counts in
/// the bucket of its own node and of every node above it (grid, community, station, township), so the figure of any
/// jurisdiction is one exact-path lookup, its children's figures are the rows one level deeper, and nothing is summed
/// over a subtree. Hour buckets stop above the grids (a grid's hours would be most of the rows and no screen asks for
/// them); grids have day buckets. Day buckets follow the configured zone: after changing it, rebuild them.
/// </summary>
public sealed class AlarmBucket : IJurisdictionScoped
{
    /// <summary>The deepest level with hour buckets: communities (township 1, station 2, community 3, grid 4).</summary>
    public const int HourlyDepth = 3;

    public BucketSpan Span { get; set; }
    /// <summary>The span's first instant, in UTC: the hour, or the local midnight that starts the day.</summary>
    public DateTimeOffset Start { get; set; }
    public required string JurisdictionPath { get; set; }
    /// <summary>The node's level: 1 for the top of the tree, one more per level down.</summary>
    public int Depth { get; set; }
    public required string Category { get; set; }
    public int Count { get; set; }

    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The buckets one alarm counts in: both spans, at its node and every node above.</summary>
    public static IEnumerable<(BucketSpan Span, DateTimeOffset Start, string Path, int Depth, string Category)> KeysOf(
        DateTimeOffset receivedAt, string jurisdictionPath, string category, LocalCalendar calendar)
    {
        var (hour, day) = (HourOf(receivedAt), calendar.DayOf(receivedAt).Start);
        foreach (var (path, depth) in JurisdictionPaths.WithAncestors(jurisdictionPath))
        {
            if (depth <= HourlyDepth) yield return (BucketSpan.Hour, hour, path, depth, category);
            yield return (BucketSpan.Day, day, path, depth, category);
        }
    }
}

internal sealed class AlarmBucketConfiguration : IEntityTypeConfiguration<AlarmBucket>
{
    public void Configure(EntityTypeBuilder<AlarmBucket> b)
    {
        b.HasKey(x => new { x.JurisdictionPath, x.Span, x.Start, x.Category });
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.Category).HasMaxLength(32);
        b.HasIndex(x => new { x.Span, x.Depth, x.Start });
        b.HasIndex(x => new { x.Span, x.Start });
    }
}
