using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Units;

/// <summary>
/// Stores GPS fixes: every fix is appended to the history, the latest per unit is upserted last-write-wins on its time,
/// all in one transaction per batch.
/// </summary>
public sealed class PositionIngestion(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, ILiveBus bus, WriteGate gate)
{
    private const double StationRadiusMeters = 150;

    // One position batch writes at a time on every database: two batches for the same units would otherwise race on a
    // unit's first latest-position row where the database locks rows, not the file. On SQLite the write gate also queues
    // them with the alarm batches.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<PositionBatchResult> IngestAsync(
        IReadOnlyList<(int Index, PositionInput Input)> items, IngestionSource source, CancellationToken ct = default)
    {
        await _writer.WaitAsync(ct);
        try
        {
            // Published once the write lock is free for the next batch, but before the next position batch: screens see
            // the batches in order.
            var (result, moved) = await gate.RunAsync(() => WriteAsync(items, source, ct), ct);
            if (moved is not null) bus.Publish(moved);
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<(PositionBatchResult, PositionsMoved?)> WriteAsync(
        IReadOnlyList<(int Index, PositionInput Input)> items, IngestionSource source, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Read the latest positions inside the write transaction (SQLite takes its write lock at BEGIN): two batches for
        // the same units no longer both insert a first position (a unique-key 500) or let an older fix overwrite a newer.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var codes = items.Select(i => i.Input.UnitCode!).Distinct().ToList();
        // The units with their latest positions in one query, the codes as one JSON array parameter rather than EF 10's
        // default of one parameter per value: a batch names up to 5,000 units.
        var found = await db.Units.AsNoTracking().Where(u => EF.Parameter(codes).Contains(u.Code))
            .GroupJoin(db.UnitPositions, u => u.Id, p => p.UnitId, (u, p) => new { u, p })
            .SelectMany(x => x.p.DefaultIfEmpty(), (x, p) => new { Unit = x.u, Latest = p })
            .ToListAsync(ct);
        found.RemoveAll(x => !source.Scope.Contains(x.Unit.JurisdictionPath));
        var units = found.ToDictionary(x => x.Unit.Code, x => x.Unit, StringComparer.Ordinal);
        var latest = found.Where(x => x.Latest is not null).ToDictionary(x => x.Unit.Id, x => x.Latest!);
        var known = latest.Keys.ToHashSet();

        var samples = new List<PositionSample>(items.Count);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var moved = new Dictionary<int, (Unit Unit, UnitPosition Position)>();
        int accepted = 0, stale = 0;
        foreach (var (_, input) in items)
        {
            if (!units.TryGetValue(input.UnitCode!, out var unit)) { unknown.Add(input.UnitCode!); continue; }
            var at = input.At!.Value.ToUniversalTime();
            samples.Add(new PositionSample
            {
                UnitId = unit.Id, At = at, Lat = input.Lat!.Value, Lon = input.Lon!.Value, SpeedKmh = input.SpeedKmh, Heading = input.Heading,
            });
            accepted++;
            if (latest.TryGetValue(unit.Id, out var current) && current.At >= at) { stale++; continue; }
            current ??= latest[unit.Id] = new UnitPosition { UnitId = unit.Id };
            (current.At, current.Lat, current.Lon, current.SpeedKmh, current.Heading) = (at, input.Lat!.Value, input.Lon!.Value, input.SpeedKmh, input.Heading);
            moved[unit.Id] = (unit, current);
        }
        var statusChanged = new List<Unit>();
        foreach (var (unit, position) in moved.Values)
        {
            var before = unit.Status;
            unit.ObserveMovement(position.SpeedKmh ?? 0, await IsAtStationAsync(unit, position, ct), position.At);
            if (unit.Status != before) statusChanged.Add(unit);
        }

        await PositionWriter.AppendHistoryAsync(db, samples, ct);
        await PositionWriter.WriteLatestAsync(db, [.. moved.Values.Select(m => m.Position)], known, ct);
        await PositionWriter.UpdateMovementStatusAsync(db, statusChanged, ct);
        await transaction.CommitAsync(ct);
        var changes = moved.Count == 0 ? null : new PositionsMoved(moved.Values.Select(m => new UnitMoved(m.Unit.Code, m.Unit.Kind, m.Unit.Status,
            m.Position.At, m.Position.Lat, m.Position.Lon, m.Position.SpeedKmh, m.Position.Heading, m.Unit.JurisdictionPath)).ToList());
        return (new PositionBatchResult(accepted, stale, [.. unknown]), changes);
    }

    private async Task<bool> IsAtStationAsync(Unit unit, UnitPosition position, CancellationToken ct) =>
        await map.FindAsync(unit.StationCode, ct) is { CenterLat: { } lat, CenterLon: { } lon }
        && GeoDistance.Meters(lat, lon, position.Lat, position.Lon) <= StationRadiusMeters;
}
