using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Dashboard.Core.Tests.Statistics;

/// <summary>The case buckets' recount and reads on a real PostgreSQL server (the app tests run them on SQLite).</summary>
public sealed class CaseBucketsPostgresTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 6, 30, 0, TimeSpan.Zero);
    private readonly string _server = Environment.GetEnvironmentVariable("TEST_POSTGRES")
        ?? throw new InvalidOperationException("TEST_POSTGRES is not set: run the tests through scripts/test.sh, which starts PostgreSQL");
    private readonly string _name = $"dashboard_test_{Guid.NewGuid():N}";
    private Factory _db = default!;

    private sealed class Factory(string connection) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<DashboardDbContext>();
            DataServiceExtensions.Configure(options, DatabaseProvider.PostgreSql, connection, Path.GetTempPath());
            return new DashboardDbContext(options.Options);
        }
    }

    public async Task InitializeAsync()
    {
        _db = new Factory(new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString);
        await using var db = _db.CreateDbContext();
        await db.Database.MigrateAsync();
    }

    private static Dispute Case(string number, string path, RiskColor risk, DateTimeOffset at, MediationOutcome? closedWith = null)
    {
        var dispute = new Dispute
        {
            CaseNumber = number, Category = DisputeCategory.Neighbor, Risk = risk, Description = "邻里纠纷", JurisdictionPath = path,
            RegisteredAt = at, RegisteredBy = "staff1",
        };
        if (closedWith is not { } outcome) return dispute;
        dispute.Route("司法所", "调解员", null, at.AddDays(15), "chief1", at);
        dispute.RecordMediation(new MediationRecord { At = at.AddHours(2), Mediator = "调解员", Outcome = outcome }, "officer1");
        dispute.RequestClosure("已调处", "officer1", at.AddHours(2));
        dispute.ApproveClosure("chief1", at.AddHours(3));
        return dispute;
    }

    [Fact]
    public async Task Cases_are_recounted_and_read_back_per_jurisdiction_on_postgresql()
    {
        var calendar = new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), new FakeTimeProvider(Now));
        var buckets = new CaseBuckets(_db, calendar);
        await using (var db = _db.CreateDbContext())
        {
            db.Disputes.AddRange(
                Case("JF-1", "/T/S1/C1/", RiskColor.Red, Now.AddDays(-3)),
                Case("JF-2", "/T/S1/", RiskColor.Green, Now.AddDays(-40)),
                Case("JF-3", "/T/S2/C4/", RiskColor.Red, Now.AddDays(-2), MediationOutcome.Success),
                Case("JF-4", "/T/S1/C1/", RiskColor.Yellow, Now.AddDays(-1), MediationOutcome.Failure));
            db.Warnings.Add(new Warning { ModelCode = ModelCodes.RepeatedDispute, SubjectKey = "h1", Title = "重复纠纷", JurisdictionPath = "/T/S1/C1/", IssuedAt = Now.AddDays(-1) });
            await db.SaveChangesAsync();
        }

        // With no bucket yet, the catch-up counts everything before the day it is given: only JF-2.
        Assert.Equal(1, await buckets.CatchUpAsync(Now.AddDays(-30)));
        await buckets.RebuildAsync(Now.AddDays(-10), Now);
        long newId;
        await using (var db = _db.CreateDbContext())
        {
            var added = Case("JF-5", "/T/S1/C1/", RiskColor.Red, Now.AddHours(-1));
            db.Disputes.Add(added);
            await db.SaveChangesAsync();
            newId = added.Id;
        }
        await buckets.RecountAsync([newId], []);

        Assert.Equal(new CaseBacklog(3, 2, 0, 1), await buckets.BacklogAsync(new JurisdictionScope("/T/")));
        Assert.Equal(new CaseBacklog(3, 2, 0, 1), await buckets.BacklogAsync(new JurisdictionScope("/T/S1/")));
        Assert.Equal(CaseBacklog.None, await buckets.BacklogAsync(new JurisdictionScope("/T/S2/")));
        var week = new Period(calendar.DayOf(Now.AddDays(-7)).Start, calendar.DayOf(Now).End);
        var closed = await buckets.ClosedAsync(new JurisdictionScope("/T/"), week);
        Assert.Equal([("/T/", MediationOutcome.Success, 1), ("/T/", MediationOutcome.Failure, 1), ("/T/S1/", MediationOutcome.Failure, 1), ("/T/S2/", MediationOutcome.Success, 1)],
            closed.OrderBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Outcome));
        Assert.Equal([new WarningCounts(ModelCodes.RepeatedDispute, 1, 0)], await buckets.WarningsAsync(new JurisdictionScope("/T/S1/"), week));
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
