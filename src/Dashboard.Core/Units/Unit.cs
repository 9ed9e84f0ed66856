using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Units;

/// <summary>Police and patrol forces, and vehicles the centre tracks without dispatching them (heavy goods vehicles, 重型货车).</summary>
public enum UnitKind { PatrolCar = 1, Motorcycle = 2, FootPatrol = 3, GridWorker = 4, Volunteer = 5, HeavyVehicle = 6 }

public enum UnitStatus { OnDuty = 1, Standby = 2, Patrolling = 3, Responding = 4, OnScene = 5, Offline = 6 }

/// <summary>A patrol force (警力 / 巡防力量): car, foot patrol, grid worker or volunteer.</summary>
public sealed class Unit : Dashboard.Core.Jurisdictions.IJurisdictionScoped
{
    /// <summary>Units silent for this long are shown offline.</summary>
    public static readonly TimeSpan OfflineAfter = TimeSpan.FromMinutes(10);

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public required string StationCode { get; set; }
    public required string JurisdictionPath { get; set; }
    public UnitStatus Status { get; private set; } = UnitStatus.Offline;
    public long? CurrentAlarmId { get; private set; }
    public DateTimeOffset? StatusChangedAt { get; private set; }

    public void Dispatch(long alarmId, bool onScene, DateTimeOffset at) =>
        SetStatus(onScene ? UnitStatus.OnScene : UnitStatus.Responding, at, alarmId);

    /// <summary>The unit is free again once the alarm it was sent to is resolved.</summary>
    public void Release(long alarmId, DateTimeOffset at)
    {
        if (CurrentAlarmId == alarmId) SetStatus(UnitStatus.Patrolling, at, null);
    }

    /// <summary>Without an assignment, movement tells patrolling from waiting: at the station it is standby.</summary>
    public void ObserveMovement(double speedKmh, bool atStation, DateTimeOffset at)
    {
        if (CurrentAlarmId is not null) return;
        var status = speedKmh >= 2 ? UnitStatus.Patrolling : atStation ? UnitStatus.Standby : UnitStatus.OnDuty;
        if (status != Status) SetStatus(status, at, null);
    }

    /// <summary>Takes the assignment the database holds now over that of a copy read earlier.</summary>
    internal void Refresh(UnitStatus status, long? currentAlarmId, DateTimeOffset? changedAt) =>
        (Status, CurrentAlarmId, StatusChangedAt) = (status, currentAlarmId, changedAt);

    /// <summary>The status a screen shows: a unit nobody has heard from recently is offline whatever it last said.</summary>
    public UnitStatus EffectiveStatus(DateTimeOffset? lastSeen, DateTimeOffset now) =>
        lastSeen is null || now - lastSeen > OfflineAfter ? UnitStatus.Offline : Status;

    private void SetStatus(UnitStatus status, DateTimeOffset at, long? alarmId)
    {
        Status = status;
        CurrentAlarmId = alarmId;
        StatusChangedAt = at.ToUniversalTime();
    }
}

/// <summary>The latest position of a unit, upserted last-write-wins on <see cref="At"/>.</summary>
public sealed class UnitPosition
{
    public int UnitId { get; set; }
    public DateTimeOffset At { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public double? SpeedKmh { get; set; }
    public double? Heading { get; set; }
}

/// <summary>One point of a unit's track, appended in batches.</summary>
public sealed class PositionSample
{
    /// <summary>Seconds of track a <see cref="Bucket"/> spans.</summary>
    public const int BucketSeconds = 10;

    private DateTimeOffset _at;

    public long Id { get; set; }
    public int UnitId { get; set; }

    public DateTimeOffset At
    {
        get => _at;
        set => (_at, Bucket) = (value, BucketOf(value));
    }

    /// <summary>
    /// The <see cref="BucketSeconds"/> span <see cref="At"/> falls in. Replay finds a unit's points by (bucket, unit, time)
    /// rather than (unit, time): a batch holds one fix for each of thousands of units, and under (unit, time) every fix
    /// went into a different index page, each then written whole to the log and to the file again (~100 MB/s at 20,000
    /// fixes/s). Under (bucket, unit, time) a batch's fixes go into the few hundred pages of the current bucket.
    /// </summary>
    public long Bucket { get; private set; }

    public double Lat { get; set; }
    public double Lon { get; set; }
    public double? SpeedKmh { get; set; }
    public double? Heading { get; set; }

    public static long BucketOf(DateTimeOffset at) => (long)Math.Floor(at.ToUnixTimeSeconds() / (double)BucketSeconds);
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.StationCode).HasMaxLength(32);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne<UnitPosition>().WithOne().HasForeignKey<UnitPosition>(p => p.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitPositionConfiguration : IEntityTypeConfiguration<UnitPosition>
{
    public void Configure(EntityTypeBuilder<UnitPosition> b) => b.HasKey(x => x.UnitId);
}

internal sealed class PositionSampleConfiguration : IEntityTypeConfiguration<PositionSample>
{
    public void Configure(EntityTypeBuilder<PositionSample> b)
    {
        b.HasIndex(x => new { x.Bucket, x.UnitId, x.At });
        // Retention deletes by time.
        b.HasIndex(x => x.At);
        // No foreign key to the unit: it would bring an index on the unit alone, whose pages every batch again writes one
        // per fix. Ingestion writes points only for units it read inside the same transaction; units are never deleted
        // by the app, and a point left by one deleted otherwise goes with retention.
    }
}
