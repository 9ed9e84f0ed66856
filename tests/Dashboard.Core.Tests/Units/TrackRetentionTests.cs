using Dashboard.Core.Data;
using Dashboard.Core.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Core.Tests.Units;

public sealed class TrackRetentionOnSqliteTests() : TrackRetentionTests(new TestDatabase());

public sealed class TrackRetentionOnPostgreSqlTests() : TrackRetentionTests(TestDatabase.PostgreSql());

public abstract class TrackRetentionTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 4, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = database;
    private int _unitId;

    public async Task InitializeAsync()
    {
        await _db.SeedTwoStationsAsync();
        await using var db = _db.CreateDbContext();
        var unit = new Unit { Code = "U1", Name = "巡逻车01", Kind = UnitKind.PatrolCar, StationCode = "S1", JurisdictionPath = "/T/S1/" };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        _unitId = unit.Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private TrackRetention Retention(int days) => new(_db, Options.Create(new TrackRetentionOptions { RetentionDays = days }),
        TestDatabase.NewWriteGate(), new FakeTimeProvider(Now));

    private async Task AddFixesAsync(params double[] daysAgo)
    {
        await using var db = _db.CreateDbContext();
        db.PositionHistory.AddRange(daysAgo.Select(d => new PositionSample { UnitId = _unitId, At = Now.AddDays(-d), Lat = 0.5, Lon = 0.5 }));
        db.UnitPositions.Add(new UnitPosition { UnitId = _unitId, At = Now.AddDays(-400), Lat = 0.5, Lon = 0.5 });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Track_points_past_the_retention_period_go_in_chunks_and_the_rest_stay()
    {
        await AddFixesAsync(400, 200, 181, 179.9, 30, 0);

        var deleted = await Retention(180).PurgeAsync(CancellationToken.None, chunk: 2);

        Assert.Equal(3, deleted);
        await using var db = _db.CreateDbContext();
        var kept = await db.PositionHistory.Select(p => p.At).ToListAsync();
        Assert.Equal([Now.AddDays(-179.9), Now.AddDays(-30), Now], kept.Order());
        // The latest position is the unit's last known place, kept whatever its age.
        Assert.Equal(1, await db.UnitPositions.CountAsync());
    }

    [Fact]
    public async Task Zero_days_keeps_every_track_point()
    {
        await AddFixesAsync(4000, 1);

        Assert.Equal(0, await Retention(0).PurgeAsync(CancellationToken.None));
        await using var db = _db.CreateDbContext();
        Assert.Equal(2, await db.PositionHistory.CountAsync());
    }
}
