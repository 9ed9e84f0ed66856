using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Warnings;

/// <summary>
/// Evaluates the models: the household models when a dispute alarm or case arrives, the scheduled ones on each scan.
/// A model that fails is logged and skipped; it never stops the others.
/// </summary>
public sealed class WarningEngine(
    IDbContextFactory<DashboardDbContext> dbFactory, WarningIssuer issuer, IEnumerable<IHouseholdModel> householdModels,
    IEnumerable<IScheduledModel> scheduledModels, TimeProvider clock, ILogger<WarningEngine> logger)
{
    public async Task<IReadOnlyList<FiringOutcome>> OnAlarmAsync(long alarmId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarm = await db.Alarms.AsNoTracking().Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == alarmId, ct);
        if (alarm is not { Category: AlarmCategories.Dispute }) return [];
        return await OnHouseholdAsync(db, HouseholdRecord.Of(alarm), ct);
    }

    public async Task<IReadOnlyList<FiringOutcome>> OnDisputeAsync(long disputeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dispute = await db.Disputes.AsNoTracking().Include(d => d.Parties).SingleOrDefaultAsync(d => d.Id == disputeId, ct);
        // A case registered from an alarm is that alarm's household record already.
        if (dispute is null || dispute.AlarmId is not null) return [];
        return await OnHouseholdAsync(db, HouseholdRecord.Of(dispute), ct);
    }

    /// <summary>Runs every scheduled model once; the issuer makes repeated scans harmless.</summary>
    public async Task<IReadOnlyList<FiringOutcome>> ScanAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await EnabledAsync(db, ct);
        var now = clock.GetUtcNow();
        var firings = new List<WarningFiring>();
        foreach (var model in scheduledModels.Where(m => settings.ContainsKey(m.Code)))
        {
            try { firings.AddRange(await model.ScanAsync(db, settings[model.Code], now, ct)); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Warning model {Model} failed", model.Code); }
        }
        return await issuer.IssueAsync(firings, ct);
    }

    private async Task<IReadOnlyList<FiringOutcome>> OnHouseholdAsync(DashboardDbContext db, HouseholdRecord record, CancellationToken ct)
    {
        // Keys are kept even while the models are off, so switching one on later sees the history.
        await HouseholdIndex.RememberAsync(db, record, ct);
        var settings = await EnabledAsync(db, ct);
        var firings = new List<WarningFiring>();
        foreach (var model in householdModels.Where(m => settings.ContainsKey(m.Code)))
        {
            try
            {
                if (await model.EvaluateAsync(db, record, settings[model.Code], ct) is { } firing) firings.Add(firing);
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Warning model {Model} failed", model.Code); }
        }
        return await issuer.IssueAsync(firings, ct);
    }

    private static async Task<Dictionary<string, WarningModel>> EnabledAsync(DashboardDbContext db, CancellationToken ct) =>
        await db.WarningModels.AsNoTracking().Where(m => m.Enabled).ToDictionaryAsync(m => m.Code, ct);
}
