using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Units;
using Dashboard.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Core.Tests.Units;

public sealed class PositionIngestionOnSqliteTests() : PositionIngestionTests(new TestDatabase());

/// <summary>The same behaviour on PostgreSQL, whose statements (upserts, guarded status updates) differ from SQLite's.</summary>
public sealed class PositionIngestionOnPostgreSqlTests() : PositionIngestionTests(TestDatabase.PostgreSql());

public abstract class PositionIngestionTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = database;
    private PositionIngestion _ingestion = null!;
    private readonly WriteGate _gate = TestDatabase.NewWriteGate();
    private readonly IngestionSource _township = new(null, new JurisdictionScope("/T/"));
    private readonly List<PositionsMoved> _published = [];

    public async Task InitializeAsync()
    {
        var map = await _db.SeedTwoStationsAsync();
        await using var db = _db.CreateDbContext();
        db.Units.Add(new Unit { Code = "U1", Name = "巡逻车01", Kind = UnitKind.PatrolCar, StationCode = "S1", JurisdictionPath = "/T/S1/" });
        db.Units.Add(new Unit { Code = "U2", Name = "巡逻车02", Kind = UnitKind.PatrolCar, StationCode = "S2", JurisdictionPath = "/T/S2/" });
        await db.SaveChangesAsync();
        var bus = new InProcessLiveBus(NullLogger<InProcessLiveBus>.Instance);
        bus.Subscribe<PositionsMoved>(_published.Add);
        _ingestion = new PositionIngestion(_db, map, bus, _gate);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static (int, PositionInput) Fix(int index, string unit, int minute, double lon) =>
        (index, new PositionInput(unit, T0.AddMinutes(minute), 0.5, lon, 30, 90));

    [Fact]
    public async Task The_latest_position_is_the_newest_fix_whatever_the_order_of_arrival()
    {
        await _ingestion.IngestAsync([Fix(0, "U1", 5, 0.5)], _township);
        var result = await _ingestion.IngestAsync([Fix(0, "U1", 3, 0.3), Fix(1, "U1", 4, 0.4)], _township);

        Assert.Equal((2, 2), (result.Accepted, result.Stale));
        await using var db = _db.CreateDbContext();
        var latest = await db.UnitPositions.SingleAsync();
        Assert.Equal((T0.AddMinutes(5), 0.5), (latest.At, latest.Lon));
        Assert.Equal(3, await db.PositionHistory.CountAsync());
    }

    [Fact]
    public async Task A_newer_fix_replaces_the_latest_position_and_screens_get_one_message_a_batch_with_the_newest_fixes_only()
    {
        await _ingestion.IngestAsync([Fix(0, "U1", 1, 0.1), Fix(1, "U2", 1, 1.1)], _township);
        var result = await _ingestion.IngestAsync([Fix(0, "U1", 3, 0.3), Fix(1, "U1", 2, 0.2), Fix(2, "U2", 0, 1.0)], _township);

        Assert.Equal((3, 2), (result.Accepted, result.Stale));
        await using var db = _db.CreateDbContext();
        var latest = await db.UnitPositions.Join(db.Units, p => p.UnitId, u => u.Id, (p, u) => new { u.Code, p.At, p.Lon }).OrderBy(x => x.Code).ToListAsync();
        Assert.Equal([("U1", T0.AddMinutes(3), 0.3), ("U2", T0.AddMinutes(1), 1.1)], latest.Select(x => (x.Code, x.At, x.Lon)));
        Assert.Equal(5, await db.PositionHistory.CountAsync());
        Assert.Equal(2, _published.Count);
        Assert.Equal(["U1", "U2"], _published[0].Units.Select(u => u.UnitCode).Order());
        var moved = Assert.Single(_published[1].Units);
        Assert.Equal(("U1", T0.AddMinutes(3), 0.3, "/T/S1/"), (moved.UnitCode, moved.At, moved.Lon, moved.JurisdictionPath));
    }

    [Fact]
    public async Task A_dispatched_unit_keeps_its_assignment_when_it_moves()
    {
        await using (var db = _db.CreateDbContext())
        {
            var unit = await db.Units.SingleAsync(u => u.Code == "U1");
            unit.Dispatch(42, onScene: false, T0);
            await db.SaveChangesAsync();
        }
        await _ingestion.IngestAsync([Fix(0, "U1", 1, 0.1), Fix(1, "U2", 1, 1.1)], _township);

        await using var check = _db.CreateDbContext();
        var units = await check.Units.OrderBy(u => u.Code).ToListAsync();
        Assert.Equal([(UnitStatus.Responding, (long?)42), (UnitStatus.Patrolling, null)], units.Select(u => (u.Status, u.CurrentAlarmId)));
        Assert.Equal(T0.AddMinutes(1), units[1].StatusChangedAt);
    }

    [Fact]
    public async Task Unknown_units_are_reported_back_and_known_ones_still_stored()
    {
        var result = await _ingestion.IngestAsync([Fix(0, "U1", 1, 0.1), Fix(1, "NOPE", 1, 0.1)], _township);
        Assert.Equal(["NOPE"], result.UnknownUnits);
        Assert.Equal(1, result.Accepted);
    }

    [Fact]
    public async Task A_unit_outside_the_senders_jurisdiction_counts_as_unknown()
    {
        var station2 = _township with { Scope = new JurisdictionScope("/T/S2/") };
        var result = await _ingestion.IngestAsync([Fix(0, "U1", 1, 0.1)], station2);
        Assert.Equal(["U1"], result.UnknownUnits);
        Assert.Equal(0, result.Accepted);
    }

    [Fact]
    public async Task Track_points_keep_every_value_as_sent()
    {
        // Times are stored to a tenth of a millisecond (EF's binary encoding on SQLite).
        var at = new DateTimeOffset(2026, 11, 23, 9, 15, 30, 123, TimeSpan.FromHours(8)).AddTicks(4000);
        await _ingestion.IngestAsync([(0, new PositionInput("U1", at, 30.123456789012345, 120.98765432109876, null, 271.5)),
            (1, new PositionInput("U2", at, -0.000001, 0.1, 42.25, null))], _township);

        await using var db = _db.CreateDbContext();
        var points = await db.PositionHistory.OrderBy(p => p.UnitId).ToListAsync();
        Assert.Equal([(at, 30.123456789012345, 120.98765432109876, (double?)null, (double?)271.5), (at, -0.000001, 0.1, 42.25, null)],
            points.Select(p => (p.At, p.Lat, p.Lon, p.SpeedKmh, p.Heading)));
    }

    [Fact]
    public async Task A_moving_unit_without_a_job_is_patrolling()
    {
        await _ingestion.IngestAsync([Fix(0, "U1", 1, 0.1)], _township);
        await using var db = _db.CreateDbContext();
        Assert.Equal(UnitStatus.Patrolling, (await db.Units.SingleAsync(u => u.Code == "U1")).Status);
    }

    [Fact]
    public async Task Batches_arriving_together_are_all_stored_answered_and_published_in_order()
    {
        // Twelve batches at once, each waiting for its turn at the write lock.
        var batches = Enumerable.Range(1, 12).Select(m => _ingestion.IngestAsync([Fix(0, "U1", m, m / 100.0), Fix(1, "U2", m, 1 + m / 100.0)], _township)).ToList();
        var results = await Task.WhenAll(batches);

        Assert.All(results, r => Assert.Equal(2, r.Accepted));
        await using var db = _db.CreateDbContext();
        Assert.Equal(24, await db.PositionHistory.CountAsync());
        var latest = await db.UnitPositions.Join(db.Units, p => p.UnitId, u => u.Id, (p, u) => new { u.Code, p.At }).OrderBy(x => x.Code).ToListAsync();
        Assert.Equal([("U1", T0.AddMinutes(12)), ("U2", T0.AddMinutes(12))], latest.Select(x => (x.Code, x.At)));
        // What screens got never goes back in time, and ends at the newest fix.
        var u1 = _published.SelectMany(p => p.Units).Where(u => u.UnitCode == "U1").Select(u => u.At).ToList();
        Assert.Equal(u1.Order(), u1);
        Assert.Equal(T0.AddMinutes(12), u1[^1]);
        // A batch whose minute came after a newer one is stale for both units and has nothing to publish.
        Assert.Equal(results.Count(r => r.Stale == 0), _published.Count);
    }

    [Fact]
    public async Task Batches_queued_behind_another_write_are_stored_together_and_a_unit_deleted_meanwhile_is_reported_unknown()
    {
        var alarmWrite = new TaskCompletionSource();
        var holding = _gate.RunAsync(() => alarmWrite.Task, default);
        // One after the other, so they queue in this order (each prepares on its own before queueing).
        var first = _ingestion.IngestAsync([Fix(0, "U1", 1, 0.1), Fix(1, "U2", 1, 1.1)], _township);
        await WaitUntilQueuedAsync(1);
        var second = _ingestion.IngestAsync([Fix(0, "U1", 2, 0.2), Fix(1, "U2", 2, 1.2)], _township);
        await WaitUntilQueuedAsync(2);
        await using (var db = _db.CreateDbContext()) await db.Units.Where(u => u.Code == "U2").ExecuteDeleteAsync();
        alarmWrite.SetResult();
        await holding;

        var results = await Task.WhenAll(first, second);
        Assert.All(results, r => Assert.Equal((1, 0, "U2"), (r.Accepted, r.Stale, string.Join(",", r.UnknownUnits))));
        await using var check = _db.CreateDbContext();
        Assert.Equal([T0.AddMinutes(1), T0.AddMinutes(2)], await check.PositionHistory.OrderBy(p => p.At).Select(p => p.At).ToListAsync());
        Assert.Equal(T0.AddMinutes(2), (await check.UnitPositions.SingleAsync()).At);
        // Still one message a batch, each with what that batch moved.
        Assert.Equal([(0.1, T0.AddMinutes(1)), (0.2, T0.AddMinutes(2))], _published.Select(p => Assert.Single(p.Units)).Select(u => (u.Lon, u.At)));
    }

    [Fact]
    public async Task Replay_gives_a_units_points_in_time_order_across_buckets_and_hours_and_no_other_units()
    {
        // Minutes 1 … 780: across the six-hour queries replay makes, with U2 moving at the same times.
        int[] minutes = [780, 1, 359, 360, 361];
        await _ingestion.IngestAsync([.. minutes.Select((m, i) => Fix(i, "U1", m, m / 1000.0))], _township);
        await _ingestion.IngestAsync([.. minutes.Select((m, i) => Fix(i, "U2", m, 1 + m / 1000.0))], _township);
        var tracks = new TrackQueries(_db);

        var track = await tracks.TrackAsync("U1", T0, T0.AddHours(14), _township.Scope);
        var firstSix = await tracks.TrackAsync("U1", T0, T0.AddHours(6), _township.Scope);

        Assert.Equal(minutes.Order().Select(m => (double?)(m / 1000.0)), track.Select(p => p[1]));
        Assert.Equal(minutes.Order().Select(m => (double?)T0.AddMinutes(m).ToUnixTimeMilliseconds()), track.Select(p => p[2]));
        // The end of a range is not in it.
        Assert.Equal([0.001, 0.359], firstSix.Select(p => p[1]!.Value));
    }

    [Fact]
    public async Task A_range_with_more_fixes_than_allowed_is_thinned_evenly_and_keeps_its_last_fix()
    {
        // 50 fixes a minute apart over 49 minutes, 10 allowed: every fifth, then the last in place of the tenth.
        await _ingestion.IngestAsync([.. Enumerable.Range(0, 50).Select(m => Fix(m, "U1", m, m / 1000.0))], _township);

        var track = await new TrackQueries(_db, maxPoints: 10).TrackAsync("U1", T0, T0.AddDays(2), _township.Scope);

        Assert.Equal([0, 5, 10, 15, 20, 25, 30, 35, 40, 49], track.Select(p => (int)Math.Round(p[1]!.Value * 1000)));
    }

    private async Task WaitUntilQueuedAsync(int batches)
    {
        for (var waited = 0; _ingestion.Waiting < batches; waited++)
        {
            Assert.True(waited < 500, $"{batches} batches should be waiting for the write gate");
            await Task.Delay(20);
        }
    }
}
