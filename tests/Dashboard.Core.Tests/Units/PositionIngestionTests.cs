using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Units;
using Dashboard.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Core.Tests.Units;

public sealed class PositionIngestionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = new();
    private PositionIngestion _ingestion = null!;
    private readonly IngestionSource _township = new(null, new JurisdictionScope("/T/"));

    public async Task InitializeAsync()
    {
        var map = await _db.SeedTwoStationsAsync();
        await using var db = _db.CreateDbContext();
        db.Units.Add(new Unit { Code = "U1", Name = "巡逻车01", Kind = UnitKind.PatrolCar, StationCode = "S1", JurisdictionPath = "/T/S1/" });
        await db.SaveChangesAsync();
        _ingestion = new PositionIngestion(_db, map, new InProcessLiveBus(NullLogger<InProcessLiveBus>.Instance),
            new WriteGate(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions())));
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
    public async Task A_moving_unit_without_a_job_is_patrolling()
    {
        await _ingestion.IngestAsync([Fix(0, "U1", 1, 0.1)], _township);
        await using var db = _db.CreateDbContext();
        Assert.Equal(UnitStatus.Patrolling, (await db.Units.SingleAsync()).Status);
    }
}
