using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Alarms;

/// <summary>Lifecycle of a 110 alarm, in order: a later status implies the earlier ones happened.</summary>
public enum AlarmStatus { Received = 0, Dispatched = 1, OnScene = 2, Resolved = 3, Closed = 4 }

/// <summary>A 110 call (警情).</summary>
public sealed class Alarm : IJurisdictionScoped
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string Category { get; set; }
    public string? Subcategory { get; set; }
    public int Priority { get; set; }
    public required string Summary { get; set; }
    public string? Address { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public string? CallerPhone { get; set; }
    /// <summary>Someone was hurt (reported by 110); a domestic-violence call with injury is a red warning at once.</summary>
    public bool Injury { get; set; }
    public AlarmStatus Status { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public DateTimeOffset? OnSceneAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? UnitCode { get; private set; }
    public int? GridId { get; set; }
    public string? GridCode { get; set; }
    public string? StationCode { get; set; }
    public required string JurisdictionPath { get; set; }
    public int? SourceKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The dispute case registered from this alarm, if any (the case points back through its AlarmId).</summary>
    public long? DisputeId { get; set; }

    public List<AlarmParty> Parties { get; set; } = [];
    public List<AlarmStatusEvent> Events { get; set; } = [];

    /// <summary>
    /// Records a status event from upstream. Events may arrive late, out of order or twice: each status keeps the time it
    /// was first reported, and the alarm's status is the furthest one reached. Returns false when nothing changed.
    /// </summary>
    public bool Apply(AlarmStatus status, DateTimeOffset at, string? unitCode)
    {
        at = at.ToUniversalTime();
        var changed = status switch
        {
            AlarmStatus.Dispatched => SetEarliest(DispatchedAt, at, v => DispatchedAt = v),
            AlarmStatus.OnScene => SetEarliest(OnSceneAt, at, v => OnSceneAt = v),
            AlarmStatus.Resolved => SetEarliest(ResolvedAt, at, v => ResolvedAt = v),
            AlarmStatus.Closed => SetEarliest(ClosedAt, at, v => ClosedAt = v),
            _ => false,
        };
        if (!changed) return false;
        if (status > Status) Status = status;
        if (unitCode is not null && status is AlarmStatus.Dispatched or AlarmStatus.OnScene) UnitCode = unitCode;
        Events.Add(new AlarmStatusEvent { Status = status, At = at, UnitCode = unitCode });
        return true;
    }

    /// <summary>Minutes from the call to the first unit on scene, when known.</summary>
    public double? ResponseMinutes => OnSceneAt is { } onScene ? (onScene - ReceivedAt).TotalMinutes : null;

    private static bool SetEarliest(DateTimeOffset? current, DateTimeOffset at, Action<DateTimeOffset> set)
    {
        if (current is { } existing && existing <= at) return false;
        set(at);
        return true;
    }
}

public sealed class AlarmParty
{
    public long Id { get; set; }
    public long AlarmId { get; set; }
    public required string Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Role { get; set; }
}

public sealed class AlarmStatusEvent
{
    public long Id { get; set; }
    public long AlarmId { get; set; }
    public AlarmStatus Status { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UnitCode { get; set; }
}

internal sealed class AlarmConfiguration : IEntityTypeConfiguration<Alarm>
{
    public void Configure(EntityTypeBuilder<Alarm> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.HasIndex(x => x.ExternalId).IsUnique();
        b.Property(x => x.Category).HasMaxLength(32);
        b.Property(x => x.Subcategory).HasMaxLength(64);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.CallerPhone).HasMaxLength(32);
        b.Property(x => x.UnitCode).HasMaxLength(32);
        b.Property(x => x.GridCode).HasMaxLength(32);
        b.Property(x => x.StationCode).HasMaxLength(32);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Ignore(x => x.ResponseMinutes);
        b.HasIndex(x => x.ReceivedAt);
        b.HasIndex(x => new { x.JurisdictionPath, x.ReceivedAt });
        b.HasMany(x => x.Parties).WithOne().HasForeignKey(p => p.AlarmId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.AlarmId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlarmPartyConfiguration : IEntityTypeConfiguration<AlarmParty>
{
    public void Configure(EntityTypeBuilder<AlarmParty> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.Phone).HasMaxLength(32);
        b.Property(x => x.Role).HasMaxLength(32);
        b.HasIndex(x => x.IdNumber);
        b.HasIndex(x => x.Phone);
    }
}

internal sealed class AlarmStatusEventConfiguration : IEntityTypeConfiguration<AlarmStatusEvent>
{
    public void Configure(EntityTypeBuilder<AlarmStatusEvent> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.UnitCode).HasMaxLength(32);
    }
}
