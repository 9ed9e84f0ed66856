using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Statistics;
using Dashboard.Core.Validation;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Alarms;

/// <summary>Stores alarms from upstream: idempotent on externalId, placed in the tree by location, one transaction a batch.</summary>
public sealed class AlarmIngestion(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, AlarmBuckets buckets, ILiveBus bus, WriteGate gate, TimeProvider clock)
{
    /// <summary>Stores the valid items; every item gets an outcome, in the order given.</summary>
    public async Task<IReadOnlyList<ItemOutcome<AlarmAccepted>>> IngestAsync(
        IReadOnlyList<(int Index, AlarmInput Input)> items, IngestionSource source, CancellationToken ct = default)
    {
        // Published once the write lock is free for the next batch.
        var (outcomes, created) = await StoreAsync(items, source, ct);
        if (created.Count == 0) return outcomes;
        bus.Publish(new AlarmsReceived(created.Select(AlarmSnapshot.Of).ToList()));
        foreach (var alarm in created.Where(a => a.Category == AlarmCategories.Dispute)) bus.Publish(new HouseholdRecorded(HouseholdRecord.Of(alarm)));
        return outcomes;
    }

    private async Task<(IReadOnlyList<ItemOutcome<AlarmAccepted>>, IReadOnlyList<Alarm>)> StoreAsync(
        IReadOnlyList<(int Index, AlarmInput Input)> items, IngestionSource source, CancellationToken ct)
    {
        try
        {
            return await TryIngestAsync(items, source, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // A concurrent request stored one of these externalIds first: the retry answers it as a duplicate.
            return await TryIngestAsync(items, source, ct);
        }
    }

    /// <summary>Every item's outcome, and the alarms it stored.</summary>
    private async Task<(IReadOnlyList<ItemOutcome<AlarmAccepted>>, IReadOnlyList<Alarm>)> TryIngestAsync(
        IReadOnlyList<(int Index, AlarmInput Input)> items, IngestionSource source, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = items.Select(i => i.Input.ExternalId!).Distinct().ToList();
        var existing = await db.Alarms.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.ExternalId))
            .Select(a => new AlarmAccepted(a.Id, a.ExternalId, a.GridCode, a.StationCode, true))
            .ToDictionaryAsync(a => a.ExternalId, ct);

        var outcomes = new ItemOutcome<AlarmAccepted>?[items.Count];
        var created = new Dictionary<string, (Alarm Alarm, List<int> Positions)>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        for (var i = 0; i < items.Count; i++)
        {
            var (index, input) = items[i];
            if (existing.TryGetValue(input.ExternalId!, out var original)) outcomes[i] = ItemOutcome<AlarmAccepted>.Ok(index, original);
            else if (created.TryGetValue(input.ExternalId!, out var first)) first.Positions.Add(i);
            else
            {
                var (alarm, errors) = await BuildAsync(input, source, now, ct);
                if (errors is not null) { outcomes[i] = ItemOutcome<AlarmAccepted>.Rejected(index, errors.ToDictionary()); continue; }
                created[input.ExternalId!] = (alarm!, [i]);
            }
        }
        var alarms = created.Values.Select(c => c.Alarm).ToList();
        // Only the transaction takes a turn at the write lock: the lookup and placing above run beside other writers.
        if (alarms.Count > 0) await gate.RunAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Rows written directly: at a thousand alarms a second EF's change tracking costs more than the inserts.
            await PreparedRows.InsertEntitiesAsync(db, alarms, ct);
            foreach (var alarm in alarms) alarm.Parties.ForEach(p => p.AlarmId = alarm.Id);
            await PreparedRows.InsertEntitiesAsync(db, alarms.SelectMany(a => a.Parties).ToList(), ct);
            // A dispute's household keys are stored with it, in the same transaction, for the warning models.
            await PreparedRows.InsertEntitiesAsync(db, alarms.Where(a => a.Category == AlarmCategories.Dispute)
                .SelectMany(a => HouseholdMarkStore.Marks(HouseholdRecord.Of(a))).ToList(), ct);
            await buckets.CountAsync(db, alarms, ct);
            await transaction.CommitAsync(ct);
        }, ct);

        foreach (var (alarm, positions) in created.Values)
        {
            for (var p = 0; p < positions.Count; p++)
            {
                var accepted = new AlarmAccepted(alarm.Id, alarm.ExternalId, alarm.GridCode, alarm.StationCode, Duplicate: p > 0);
                outcomes[positions[p]] = ItemOutcome<AlarmAccepted>.Ok(items[positions[p]].Index, accepted);
            }
        }
        return (outcomes!, alarms);
    }

    private async Task<(Alarm?, FieldErrors?)> BuildAsync(AlarmInput input, IngestionSource source, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (path, grid, stationCode) = await map.PlaceAsync(input.Location, input.StationCode, source.Scope, errors, ct);
        if (errors.Any) return (null, errors);
        var alarm = new Alarm
        {
            ExternalId = input.ExternalId!, ReceivedAt = input.ReceivedAt!.Value.ToUniversalTime(), Category = input.Category!,
            Subcategory = input.Subcategory, Priority = input.Priority ?? 3, Summary = input.Summary!.Trim(),
            Address = input.Address?.Trim(), Lat = input.Location?.Lat, Lon = input.Location?.Lon,
            CallerPhone = input.CallerPhone, GridId = grid?.GridId, GridCode = grid?.GridCode, StationCode = stationCode,
            JurisdictionPath = path!, SourceKeyId = source.KeyId, CreatedAt = now, Injury = input.Injury == true,
            Parties = input.Parties?.Select(p => new AlarmParty
            {
                Name = p.Name!.Trim(), IdNumber = p.IdNumber?.ToUpperInvariant(), Phone = p.Phone, Role = p.Role,
            }).ToList() ?? [],
        };
        return (alarm, null);
    }
}
