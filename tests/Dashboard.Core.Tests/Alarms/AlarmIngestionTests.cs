using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Dashboard.Core.Validation;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Core.Tests.Alarms;

public sealed class AlarmIngestionOnSqliteTests() : AlarmIngestionTests(new TestDatabase());

/// <summary>The same behaviour on PostgreSQL, whose statements (RETURNING ids, bucket upserts) differ from SQLite's.</summary>
public sealed class AlarmIngestionOnPostgreSqlTests() : AlarmIngestionTests(TestDatabase.PostgreSql());

/// <summary>A batch is stored with its parties, household keys and bucket counts in one transaction, then published once.</summary>
public abstract class AlarmIngestionTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 30, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = database;
    private readonly IngestionSource _township = new(null, new JurisdictionScope("/T/"));
    private readonly List<AlarmsReceived> _alarms = [];
    private readonly List<HouseholdRecorded> _households = [];
    private AlarmIngestion _ingestion = null!;

    public async Task InitializeAsync()
    {
        var map = await _db.SeedTwoStationsAsync();
        var clock = new FakeTimeProvider(Now);
        var bus = new InProcessLiveBus(NullLogger<InProcessLiveBus>.Instance);
        bus.Subscribe<AlarmsReceived>(_alarms.Add);
        bus.Subscribe<HouseholdRecorded>(_households.Add);
        _ingestion = new AlarmIngestion(_db, map, new AlarmBuckets(_db, new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), clock)),
            bus, TestDatabase.NewWriteGate(), clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static (int, AlarmInput) Input(int index, string id, string category, double lon, params PartyInput[] parties) =>
        (index, new AlarmInput(id, Now.AddMinutes(-index), category, null, 2, "报警人称" + id, "石桥村5组8号", new GeoPoint(0.5, lon), null,
            "13812345678", parties));

    [Fact]
    public async Task A_batch_is_stored_with_its_parties_keys_and_counts_and_published_as_one_message()
    {
        var outcomes = await _ingestion.IngestAsync(
        [
            Input(0, "A1", AlarmCategories.Dispute, 0.5, new PartyInput("施某某", "320507198001011234", "13912345678", "caller"), new PartyInput("李某", null, null, "other")),
            Input(1, "A2", AlarmCategories.Criminal, 1.5),
            Input(2, "A1", AlarmCategories.Dispute, 0.5),
        ], _township);

        Assert.All(outcomes, o => Assert.True(o.Accepted));
        Assert.Equal([false, false, true], outcomes.Select(o => o.Value!.Duplicate));
        await using var db = _db.CreateDbContext();
        var stored = await db.Alarms.Include(a => a.Parties).OrderBy(a => a.ExternalId).ToListAsync();
        Assert.Equal(["A1", "A2"], stored.Select(a => a.ExternalId));
        Assert.Equal(stored.Select(a => a.Id), outcomes.Take(2).Select(o => o.Value!.Id));
        Assert.Equal(outcomes[0].Value!.Id, outcomes[2].Value!.Id);
        Assert.Equal((AlarmStatus.Received, "G1", "/T/S1/C1/G1/", Now), (stored[0].Status, stored[0].GridCode, stored[0].JurisdictionPath, stored[0].ReceivedAt));
        Assert.Equal(["施某某", "李某"], stored[0].Parties.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Empty(stored[1].Parties);
        // The dispute's household keys (address, ID number, phones) are on disk with it; the criminal alarm has none.
        var marks = await db.HouseholdMarks.ToListAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Equal(("A1", "/T/S1/C1/G1/"), (m.Reference, m.JurisdictionPath)));
        Assert.Contains(marks, m => m.Key.Contains("320507198001011234", StringComparison.Ordinal));
        // Counted at every level of the tree: the township's day holds both, each station its own.
        var days = await db.AlarmBuckets.Where(b => b.Span == BucketSpan.Day).ToListAsync();
        Assert.Equal(2, days.Where(b => b.JurisdictionPath == "/T/").Sum(b => b.Count));
        Assert.Equal([(AlarmCategories.Dispute, 1)], days.Where(b => b.JurisdictionPath == "/T/S1/").Select(b => (b.Category, b.Count)));
        Assert.Equal([(AlarmCategories.Criminal, 1)], days.Where(b => b.JurisdictionPath == "/T/S2/").Select(b => (b.Category, b.Count)));

        var published = Assert.Single(_alarms);
        Assert.Equal(["A1", "A2"], published.Alarms.Select(a => a.ExternalId));
        Assert.Equal("A1", Assert.Single(_households).Record.Reference);
    }

    [Fact]
    public async Task A_second_batch_adds_to_the_same_buckets_and_a_repeat_is_answered_with_the_original()
    {
        var first = await _ingestion.IngestAsync([Input(0, "B1", AlarmCategories.Criminal, 0.5)], _township);
        var second = await _ingestion.IngestAsync([Input(0, "B2", AlarmCategories.Criminal, 0.4), Input(1, "B1", AlarmCategories.Criminal, 0.5)], _township);

        Assert.Equal((first[0].Value!.Id, true), (second[1].Value!.Id, second[1].Value!.Duplicate));
        await using var db = _db.CreateDbContext();
        Assert.Equal(2, await db.Alarms.CountAsync());
        var township = await db.AlarmBuckets.Where(b => b.JurisdictionPath == "/T/" && b.Category == AlarmCategories.Criminal)
            .Select(b => new { b.Span, b.Count }).ToListAsync();
        Assert.Equal(2, township.Single(b => b.Span == BucketSpan.Day).Count);
        Assert.Equal(2, township.Where(b => b.Span == BucketSpan.Hour).Sum(b => b.Count));
        Assert.Equal([["B1"], ["B2"]], _alarms.Select(m => m.Alarms.Select(a => a.ExternalId).ToArray()));
    }

    [Fact]
    public async Task An_alarm_outside_the_senders_jurisdiction_is_rejected_and_the_rest_of_the_batch_is_stored()
    {
        var station1 = _township with { Scope = new JurisdictionScope("/T/S1/") };
        var outcomes = await _ingestion.IngestAsync([Input(0, "C1", AlarmCategories.Criminal, 1.5), Input(1, "C2", AlarmCategories.Criminal, 0.5)], station1);

        Assert.Equal(["lies outside the jurisdiction of this sender"], outcomes[0].Errors!["location"]);
        Assert.True(outcomes[1].Accepted);
        await using var db = _db.CreateDbContext();
        Assert.Equal(["C2"], await db.Alarms.Select(a => a.ExternalId).ToListAsync());
        Assert.Equal(["C2"], Assert.Single(_alarms).Alarms.Select(a => a.ExternalId));
    }
}
