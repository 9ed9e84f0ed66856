using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Warnings;

/// <summary>
/// Evaluates the models: the household models when a dispute alarm or case arrives (in memory, against the household
/// index), the scheduled ones on each scan. A model that fails is logged and skipped; it never stops the others.
/// </summary>
public sealed class WarningEngine(
    IDbContextFactory<DashboardDbContext> dbFactory, WarningIssuer issuer, WarningModelSettings settings, HouseholdIndex households,
    IEnumerable<IHouseholdModel> householdModels, IEnumerable<IScheduledModel> scheduledModels, TimeProvider clock,
    ILogger<WarningEngine> logger)
{
    /// <summary>A dispute alarm stored with its household keys by ingestion: the ingest path.</summary>
    public async Task<IReadOnlyList<FiringOutcome>> OnRecordedAsync(HouseholdRecord record, CancellationToken ct = default)
    {
        // Indexed even while the models are off, so switching one on later sees this record.
        households.Add(record);
        var enabled = await settings.EnabledAsync(ct);
        var models = householdModels.Where(m => enabled.ContainsKey(m.Code)).ToList();
        if (models.Count == 0) return [];
        await households.EnsureAsync(models.Max(m => m.Window(enabled[m.Code])), ct);
        var firings = new List<WarningFiring>();
        foreach (var model in models)
        {
            try
            {
                if (model.Evaluate(households, record, enabled[model.Code]) is { } firing) firings.Add(firing);
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Warning model {Model} failed", model.Code); }
        }
        return await issuer.IssueAsync(firings, ct);
    }

    /// <summary>An alarm by id (stored some other way): its keys are stored if missing, then it is evaluated.</summary>
    public async Task<IReadOnlyList<FiringOutcome>> OnAlarmAsync(long alarmId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarm = await db.Alarms.AsNoTracking().Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == alarmId, ct);
        if (alarm is not { Category: AlarmCategories.Dispute }) return [];
        return await RememberAndEvaluateAsync(db, HouseholdRecord.Of(alarm), ct);
    }

    public async Task<IReadOnlyList<FiringOutcome>> OnDisputeAsync(long disputeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dispute = await db.Disputes.AsNoTracking().Include(d => d.Parties).SingleOrDefaultAsync(d => d.Id == disputeId, ct);
        // A case registered from an alarm is that alarm's household record already.
        if (dispute is null || dispute.AlarmId is not null) return [];
        return await RememberAndEvaluateAsync(db, HouseholdRecord.Of(dispute), ct);
    }

    /// <summary>Runs every scheduled model once (the issuer makes repeated scans harmless) and trims the household index.</summary>
    public async Task<IReadOnlyList<FiringOutcome>> ScanAsync(CancellationToken ct = default)
    {
        var enabled = await settings.ReloadAsync(ct);
        households.Prune();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var firings = new List<WarningFiring>();
        foreach (var model in scheduledModels.Where(m => enabled.ContainsKey(m.Code)))
        {
            try { firings.AddRange(await model.ScanAsync(db, enabled[model.Code], now, ct)); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Warning model {Model} failed", model.Code); }
        }
        return await issuer.IssueAsync(firings, ct);
    }

    private async Task<IReadOnlyList<FiringOutcome>> RememberAndEvaluateAsync(DashboardDbContext db, HouseholdRecord record, CancellationToken ct)
    {
        // Keys are kept even while the models are off, so switching one on later sees the history.
        await HouseholdMarkStore.RememberAsync(db, record, ct);
        return await OnRecordedAsync(record, ct);
    }
}
