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
        // Batches write one at a time, so what does not depend on what the database holds is done before taking a turn.
        var batch = await PrepareAsync(items, source, ct);
        await _writer.WaitAsync(ct);
        try
        {
            // Published once the write lock is free for the next batch, but before the next position batch: screens see
            // the batches in order.
            var (result, moved) = await gate.RunAsync(() => WriteAsync(batch, ct), ct);
            if (moved is not null) bus.Publish(moved);
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>A batch's fixes of known units in scope, as track points, with the units as they were read.</summary>
    private sealed record PreparedBatch(
        List<PositionSample> Samples, Dictionary<int, Unit> Units, Dictionary<string, (double Lat, double Lon)> Stations, SortedSet<string> Unknown);

    private async Task<PreparedBatch> PrepareAsync(
        IReadOnlyList<(int Index, PositionInput Input)> items, IngestionSource source, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var codes = items.Select(i => i.Input.UnitCode!).Distinct().ToList();
        // The codes as one JSON array parameter rather than EF 10's default of one parameter per value: a batch names up
        // to 5,000 units. A unit's code, kind, station and place in the tree do not change with its movement; its status
        // is read again inside the write transaction.
        var found = await db.Units.AsNoTracking().Where(u => EF.Parameter(codes).Contains(u.Code)).ToListAsync(ct);
        var units = found.Where(u => source.Scope.Contains(u.JurisdictionPath)).ToDictionary(u => u.Code, StringComparer.Ordinal);

        var samples = new List<PositionSample>(items.Count);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, input) in items)
        {
            if (!units.TryGetValue(input.UnitCode!, out var unit)) { unknown.Add(input.UnitCode!); continue; }
            samples.Add(new PositionSample
            {
                UnitId = unit.Id, At = input.At!.Value.ToUniversalTime(), Lat = input.Lat!.Value, Lon = input.Lon!.Value,
                SpeedKmh = input.SpeedKmh, Heading = input.Heading,
            });
        }
        var stations = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var code in units.Values.Select(u => u.StationCode).Distinct())
            if (await map.FindAsync(code, ct) is { CenterLat: { } lat, CenterLon: { } lon }) stations[code] = (lat, lon);
        return new PreparedBatch(samples, units.Values.ToDictionary(u => u.Id), stations, unknown);
    }

    private async Task<(PositionBatchResult, PositionsMoved?)> WriteAsync(PreparedBatch batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Read the latest positions and statuses inside the write transaction (SQLite takes its write lock at BEGIN): two
        // batches for the same units no longer both insert a first position (a unique-key 500) or let an older fix
        // overwrite a newer, and a unit dispatched meanwhile is seen dispatched. Only the few columns that can change.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = batch.Units.Keys.ToList();
        var current = await (
            from u in db.Units
            where EF.Parameter(ids).Contains(u.Id)
            join p in db.UnitPositions on u.Id equals p.UnitId into positions
            from p in positions.DefaultIfEmpty()
            select new { u.Id, u.Status, u.StatusChangedAt, u.CurrentAlarmId, Latest = p })
            .AsNoTracking().ToListAsync(ct);
        foreach (var c in current) batch.Units[c.Id].Refresh(c.Status, c.CurrentAlarmId, c.StatusChangedAt);
        var latest = current.Where(c => c.Latest is not null).ToDictionary(c => c.Id, c => c.Latest!);
        var known = latest.Keys.ToHashSet();

        var moved = new Dictionary<int, (Unit Unit, UnitPosition Position)>();
        var stale = 0;
        foreach (var sample in batch.Samples)
        {
            if (latest.TryGetValue(sample.UnitId, out var position) && position.At >= sample.At) { stale++; continue; }
            position ??= latest[sample.UnitId] = new UnitPosition { UnitId = sample.UnitId };
            (position.At, position.Lat, position.Lon, position.SpeedKmh, position.Heading) = (sample.At, sample.Lat, sample.Lon, sample.SpeedKmh, sample.Heading);
            moved[sample.UnitId] = (batch.Units[sample.UnitId], position);
        }
        var statusChanged = new List<Unit>();
        foreach (var (unit, position) in moved.Values)
        {
            var before = unit.Status;
            var atStation = batch.Stations.TryGetValue(unit.StationCode, out var station)
                && GeoDistance.Meters(station.Lat, station.Lon, position.Lat, position.Lon) <= StationRadiusMeters;
            unit.ObserveMovement(position.SpeedKmh ?? 0, atStation, position.At);
            if (unit.Status != before) statusChanged.Add(unit);
        }

        await PositionWriter.AppendHistoryAsync(db, batch.Samples, ct);
        await PositionWriter.WriteLatestAsync(db, [.. moved.Values.Select(m => m.Position)], known, ct);
        await PositionWriter.UpdateMovementStatusAsync(db, statusChanged, ct);
        await transaction.CommitAsync(ct);
        var changes = moved.Count == 0 ? null : new PositionsMoved(moved.Values.Select(m => new UnitMoved(m.Unit.Code, m.Unit.Kind, m.Unit.Status,
            m.Position.At, m.Position.Lat, m.Position.Lon, m.Position.SpeedKmh, m.Position.Heading, m.Unit.JurisdictionPath)).ToList());
        return (new PositionBatchResult(batch.Samples.Count, stale, [.. batch.Unknown]), changes);
    }
}
