using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Units;

/// <summary>
/// Stores GPS fixes: every fix is appended to the history, the latest per unit is upserted last-write-wins on its time,
/// all in one transaction per batch, or per group of batches that queued for the writer together.
/// </summary>
public sealed class PositionIngestion(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, ILiveBus bus, WriteGate gate)
{
    private const double StationRadiusMeters = 150;
    // A group stays small enough that alarm batches queued at the write gate wait for it no longer than for a few batches.
    private const int MaxGroupFixes = 20_000;

    // One position write at a time on every database: two batches for the same units would otherwise race on a unit's
    // first latest-position row where the database locks rows, not the file. On SQLite the write gate also queues them
    // with the alarm batches.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Queue<Turn> _waiting = new();

    /// <summary>A prepared batch waiting to be written, and its answer once it is.</summary>
    private sealed class Turn(PreparedBatch batch)
    {
        public PreparedBatch Batch { get; } = batch;
        public TaskCompletionSource<PositionBatchResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<PositionBatchResult> IngestAsync(
        IReadOnlyList<(int Index, PositionInput Input)> items, IngestionSource source, CancellationToken ct = default)
    {
        // Batches write one at a time, so what does not depend on what the database holds is done before taking a turn.
        var turn = new Turn(await PrepareAsync(items, source, ct));
        lock (_waiting) _waiting.Enqueue(turn);
        // Group commit: whoever holds the writer writes every batch queued by then in one transaction. Under load a
        // unit's history and latest-position pages are then written once for several batches instead of once each, so
        // the writer catches up instead of falling further behind. Once queued, a batch is written even if its sender
        // has gone: another sender's turn may already be writing it.
        await _writer.WaitAsync(CancellationToken.None);
        try
        {
            while (!turn.Done.Task.IsCompleted) await WriteGroupAsync(NextGroup);
        }
        finally
        {
            _writer.Release();
        }
        return await turn.Done.Task;
    }

    /// <summary>Batches prepared and waiting for the writer.</summary>
    internal int Waiting
    {
        get { lock (_waiting) return _waiting.Count; }
    }

    /// <summary>The oldest waiting batches, as many as fit in one group (at least one).</summary>
    private List<Turn> NextGroup()
    {
        lock (_waiting)
        {
            var group = new List<Turn> { _waiting.Dequeue() };
            var fixes = group[0].Batch.Samples.Count;
            while (_waiting.TryPeek(out var next) && fixes + next.Batch.Samples.Count <= MaxGroupFixes)
            {
                fixes += next.Batch.Samples.Count;
                group.Add(_waiting.Dequeue());
            }
            return group;
        }
    }

    /// <summary>Writes the group <paramref name="take"/> gives once the write gate is ours, so that batches arriving while
    /// an alarm batch or a checkpoint holds the gate join it.</summary>
    private async Task WriteGroupAsync(Func<List<Turn>> take)
    {
        List<Turn> group = [];
        List<(PositionBatchResult Result, PositionsMoved? Moved)> written;
        try
        {
            written = await gate.RunAsync(() => WriteAsync([.. (group = take()).Select(t => t.Batch)]), CancellationToken.None);
        }
        catch (Exception) when (group.Count > 1)
        {
            // Nothing of the group was stored; one batch's failure does not sink the others: each is tried on its own.
            foreach (var turn in group) await WriteGroupAsync(() => [turn]);
            return;
        }
        catch (Exception ex) when (group.Count == 1)
        {
            group[0].Done.SetException(ex);
            return;
        }
        // Published once the write lock is free for the next batch, but before the next position batch: screens see the
        // batches in order, one message each.
        foreach (var (_, moved) in written) if (moved is not null) bus.Publish(moved);
        for (var i = 0; i < group.Count; i++) group[i].Done.SetResult(written[i].Result);
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

    private async Task<List<(PositionBatchResult Result, PositionsMoved? Moved)>> WriteAsync(IReadOnlyList<PreparedBatch> batches)
    {
        // Not cancellable: a started write either commits every batch of the group or none.
        var ct = CancellationToken.None;
        var units = new Dictionary<int, Unit>();
        var stations = new Dictionary<string, (double Lat, double Lon)>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            foreach (var (id, unit) in batch.Units) units.TryAdd(id, unit);
            foreach (var (code, station) in batch.Stations) stations.TryAdd(code, station);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Read the latest positions and statuses inside the write transaction (SQLite takes its write lock at BEGIN): two
        // batches for the same units no longer both insert a first position (a unique-key 500) or let an older fix
        // overwrite a newer, and a unit dispatched meanwhile is seen dispatched. Only the few columns that can change.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = units.Keys.ToList();
        var current = await (
            from u in db.Units
            where EF.Parameter(ids).Contains(u.Id)
            join p in db.UnitPositions on u.Id equals p.UnitId into positions
            from p in positions.DefaultIfEmpty()
            select new { u.Id, u.Status, u.StatusChangedAt, u.CurrentAlarmId, Latest = p })
            .AsNoTracking().ToListAsync(ct);
        foreach (var c in current) units[c.Id].Refresh(c.Status, c.CurrentAlarmId, c.StatusChangedAt);
        var latest = current.Where(c => c.Latest is not null).ToDictionary(c => c.Id, c => c.Latest!);
        var known = latest.Keys.ToHashSet();
        // A unit deleted since its batch was prepared is unknown now; its fixes would break the history's foreign key.
        var present = current.Select(c => c.Id).ToHashSet();

        var written = new List<(PositionBatchResult, PositionsMoved?)>(batches.Count);
        var history = new List<PositionSample>();
        var movedIds = new HashSet<int>();
        var statusChanged = new HashSet<Unit>();
        foreach (var batch in batches)
        {
            var moved = new Dictionary<int, UnitPosition>();
            var (accepted, stale, unknown) = (0, 0, new SortedSet<string>(batch.Unknown, StringComparer.Ordinal));
            foreach (var sample in batch.Samples)
            {
                if (!present.Contains(sample.UnitId)) { unknown.Add(units[sample.UnitId].Code); continue; }
                history.Add(sample);
                accepted++;
                if (latest.TryGetValue(sample.UnitId, out var position) && position.At >= sample.At) { stale++; continue; }
                position ??= latest[sample.UnitId] = new UnitPosition { UnitId = sample.UnitId };
                (position.At, position.Lat, position.Lon, position.SpeedKmh, position.Heading) = (sample.At, sample.Lat, sample.Lon, sample.SpeedKmh, sample.Heading);
                moved[sample.UnitId] = position;
            }
            foreach (var position in moved.Values)
            {
                var unit = units[position.UnitId];
                var before = unit.Status;
                var atStation = stations.TryGetValue(unit.StationCode, out var station)
                    && GeoDistance.Meters(station.Lat, station.Lon, position.Lat, position.Lon) <= StationRadiusMeters;
                unit.ObserveMovement(position.SpeedKmh ?? 0, atStation, position.At);
                if (unit.Status != before) statusChanged.Add(unit);
            }
            movedIds.UnionWith(moved.Keys);
            // What screens get is taken now: a later batch of the group moves the same positions and units on.
            var changes = moved.Count == 0 ? null : new PositionsMoved(moved.Values.Select(p => Moved(units[p.UnitId], p)).ToList());
            written.Add((new PositionBatchResult(accepted, stale, [.. unknown]), changes));
        }

        await PositionWriter.AppendHistoryAsync(db, history, ct);
        await PositionWriter.WriteLatestAsync(db, [.. movedIds.Select(id => latest[id])], known, ct);
        await PositionWriter.UpdateMovementStatusAsync(db, [.. statusChanged], ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    private static UnitMoved Moved(Unit unit, UnitPosition position) => new(unit.Code, unit.Kind, unit.Status,
        position.At, position.Lat, position.Lon, position.SpeedKmh, position.Heading, unit.JurisdictionPath);
}
