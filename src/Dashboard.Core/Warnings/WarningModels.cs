using Dashboard.Core.Data;

namespace Dashboard.Core.Warnings;

/// <summary>A model evaluated when a dispute alarm or case arrives.</summary>
public interface IHouseholdModel
{
    string Code { get; }
    Task<WarningFiring?> EvaluateAsync(DashboardDbContext db, HouseholdRecord record, WarningModel settings, CancellationToken ct);
}

/// <summary>A model evaluated by the scan every minute (time-based conditions).</summary>
public interface IScheduledModel
{
    string Code { get; }
    Task<IReadOnlyList<WarningFiring>> ScanAsync(DashboardDbContext db, WarningModel settings, DateTimeOffset now, CancellationToken ct);
}
