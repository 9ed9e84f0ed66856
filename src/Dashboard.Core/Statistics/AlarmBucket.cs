using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Statistics;

/// <summary>
/// Alarms counted per hour × place × category: statistics read these instead of millions of raw rows. The place is the
/// alarm's node (its grid when it has one), so every jurisdiction's figure is a sum over a path prefix. Hours are UTC
/// hours, which are whole local hours in every zone with a whole-hour offset (Asia/Shanghai is +8).
/// </summary>
public sealed class AlarmBucket : IJurisdictionScoped
{
    public DateTimeOffset Hour { get; set; }
    public required string JurisdictionPath { get; set; }
    public required string Category { get; set; }
    public string? GridCode { get; set; }
    public int Count { get; set; }

    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public static (DateTimeOffset Hour, string Path, string Category) KeyOf(Alarm a) => (HourOf(a.ReceivedAt), a.JurisdictionPath, a.Category);
}

internal sealed class AlarmBucketConfiguration : IEntityTypeConfiguration<AlarmBucket>
{
    public void Configure(EntityTypeBuilder<AlarmBucket> b)
    {
        b.HasKey(x => new { x.Hour, x.JurisdictionPath, x.Category });
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.Category).HasMaxLength(32);
        b.Property(x => x.GridCode).HasMaxLength(32);
        b.HasIndex(x => new { x.JurisdictionPath, x.Hour });
    }
}
