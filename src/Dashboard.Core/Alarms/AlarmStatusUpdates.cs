using Dashboard.Core.Data;
using Dashboard.Core.Live;
using Dashboard.Core.Statistics;
using Dashboard.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Alarms;

public sealed record AlarmEventApplied(string ExternalId, AlarmStatus Status, bool Applied, string? Warning);

/// <summary>Applies upstream status events to alarms, and moves the named unit into or out of the job.</summary>
public sealed class AlarmStatusUpdates(IDbContextFactory<DashboardDbContext> dbFactory, AlarmBuckets buckets, ILiveBus bus)
{
    /// <summary>Null when no alarm with that externalId is visible to the source.</summary>
    public async Task<AlarmEventApplied?> ApplyAsync(
        string externalId, AlarmStatus status, DateTimeOffset at, string? unitCode, IngestionSource source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarm = await db.Alarms.Include(a => a.Events.Where(e => false))
            .SingleOrDefaultAsync(a => a.ExternalId == externalId, ct);
        if (alarm is null || !source.Scope.Contains(alarm.JurisdictionPath)) return null;

        var onSceneBefore = alarm.OnSceneAt;
        var applied = alarm.Apply(status, at, unitCode);
        string? warning = null;
        Units.Unit? unit = null;
        if (applied && unitCode is not null)
        {
            unit = await db.Units.SingleOrDefaultAsync(u => u.Code == unitCode, ct);
            if (unit is null) warning = $"unit '{unitCode}' is not known; the status was recorded without it";
            // The alarm's own status, not the event's: a late "Dispatched" must not pull an on-scene unit back.
            else if (alarm.Status is AlarmStatus.Dispatched or AlarmStatus.OnScene) unit.Dispatch(alarm.Id, alarm.Status == AlarmStatus.OnScene, at);
            else unit.Release(alarm.Id, at);
        }
        if (!applied) return new AlarmEventApplied(externalId, alarm.Status, false, null);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            if (alarm.OnSceneAt != onSceneBefore) await buckets.MoveResponseAsync(db, alarm, onSceneBefore, ct);
            await transaction.CommitAsync(ct);
        }
        bus.Publish(new AlarmStatusChanged(AlarmSnapshot.Of(alarm), status, at, unitCode));
        if (unit is not null) bus.Publish(new UnitStatusChanged(unit.Code, unit.Status, at));
        return new AlarmEventApplied(externalId, alarm.Status, true, warning);
    }
}
