using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Patrol;

/// <summary>A must-visit patrol point (巡防必到点): a unit inside the radius for the dwell time counts as a check-in.</summary>
public sealed class PatrolPoint : IJurisdictionScoped
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public double RadiusMeters { get; set; } = 50;
    public int DwellSeconds { get; set; } = 120;
    public string? GridCode { get; set; }
    public required string JurisdictionPath { get; set; }
    /// <summary>When it must be visited, in local time: <c>08:00-12:00,19:00-23:00</c>; null when any time will do.</summary>
    public string? ShiftWindows { get; set; }
}

/// <summary>A unit stayed inside a must-visit point's radius for its dwell time (打卡).</summary>
public sealed class PatrolCheckIn
{
    public long Id { get; set; }
    public required string PointCode { get; set; }
    public required string UnitCode { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>One shift window of a point, in local time of day; an end at or before the start runs past midnight.</summary>
public sealed record ShiftWindow(TimeOnly Start, TimeOnly End)
{
    /// <summary>Parses <c>08:00-12:00,19:00-24:00</c>; malformed parts are skipped (they are checked where they are entered).</summary>
    public static IReadOnlyList<ShiftWindow> Parse(string? windows) =>
        (windows ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Split('-', StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2 && TimeOf(p[0]) is not null && TimeOf(p[1]) is not null)
            .Select(p => new ShiftWindow(TimeOf(p[0])!.Value, TimeOf(p[1])!.Value)).ToList();

    public static bool IsValid(string? windows) =>
        windows is null || Parse(windows).Count == windows.Split(',', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The window that starts on a local date, as instants.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) On(DateOnly date, TimeZoneInfo zone)
    {
        var start = date.ToDateTime(Start);
        var end = (End <= Start ? date.AddDays(1) : date).ToDateTime(End);
        return (Instant(start, zone), Instant(end, zone));
    }

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone) => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();

    private static TimeOnly? TimeOf(string text) =>
        text == "24:00" ? TimeOnly.MinValue : TimeOnly.TryParseExact(text, "HH:mm", out var t) ? t : null;
}

internal sealed class PatrolPointConfiguration : IEntityTypeConfiguration<PatrolPoint>
{
    public void Configure(EntityTypeBuilder<PatrolPoint> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.GridCode).HasMaxLength(32);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.ShiftWindows).HasMaxLength(200);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class PatrolCheckInConfiguration : IEntityTypeConfiguration<PatrolCheckIn>
{
    public void Configure(EntityTypeBuilder<PatrolCheckIn> b)
    {
        b.Property(x => x.PointCode).HasMaxLength(32);
        b.Property(x => x.UnitCode).HasMaxLength(32);
        b.HasIndex(x => new { x.PointCode, x.At });
    }
}
