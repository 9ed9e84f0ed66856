using Dashboard.Core.Data;

namespace Dashboard.Core.Warnings;

/// <summary>A model evaluated when a dispute alarm or case arrives, against the in-memory household index.</summary>
public interface IHouseholdModel
{
    string Code { get; }
    /// <summary>How far back (and forward, for late records) it looks: the index holds the longest of these.</summary>
    TimeSpan Window(WarningModel settings);
    WarningFiring? Evaluate(HouseholdIndex index, HouseholdRecord record, WarningModel settings);
}

/// <summary>A model evaluated by the scan every minute (time-based conditions).</summary>
public interface IScheduledModel
{
    string Code { get; }
    Task<IReadOnlyList<WarningFiring>> ScanAsync(DashboardDbContext db, WarningModel settings, DateTimeOffset now, CancellationToken ct);
}
