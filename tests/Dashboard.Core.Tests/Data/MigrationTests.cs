using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Dashboard.Core.Tests.Data;

public class MigrationTests
{
    private static DashboardDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DataServiceExtensions.Configure(options, provider, connectionString, Path.GetTempPath());
        return new DashboardDbContext(options.Options);
    }

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_migrations_that_match_the_model(DatabaseProvider provider)
    {
        using var db = Context(provider, provider switch
        {
            DatabaseProvider.SqlServer => "Server=localhost;Database=dashboard;Trusted_Connection=True;TrustServerCertificate=True",
            DatabaseProvider.PostgreSql => "Host=localhost;Database=dashboard;Username=postgres",
            _ => "Data Source=:memory:",
        });
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes without a migration");
    }

    [Fact]
    public void Sql_server_create_and_migration_scripts_generate()
    {
        using var db = Context(DatabaseProvider.SqlServer, "Server=localhost;Database=dashboard;Trusted_Connection=True;TrustServerCertificate=True");
        var create = db.Database.GenerateCreateScript();
        Assert.Contains("CREATE TABLE [Alarms]", create);
        Assert.Contains("datetimeoffset", create);
        var migrate = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("__EFMigrationsHistory", migrate);
        var query = db.Alarms.Where(a => a.JurisdictionPath.StartsWith("/T/S1/")).OrderByDescending(a => a.ReceivedAt).Take(5).ToQueryString();
        Assert.Contains("LIKE", query);
    }

    [Fact]
    public async Task Sqlite_migrates_a_new_file_and_orders_by_time_in_sql()
    {
        await using var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        var t0 = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        db.Alarms.AddRange(
            new Alarm { ExternalId = "a", ReceivedAt = t0.AddHours(2), Category = "other", Summary = "后", JurisdictionPath = "/T/" },
            new Alarm { ExternalId = "b", ReceivedAt = t0, Category = "other", Summary = "先", JurisdictionPath = "/T/" });
        await db.SaveChangesAsync();
        var ordered = await db.Alarms.Where(a => a.ReceivedAt >= t0).OrderBy(a => a.ReceivedAt).Select(a => a.ExternalId).ToListAsync();
        Assert.Equal(["b", "a"], ordered);
    }

    [Fact]
    public async Task Postgresql_migrates_and_round_trips_chinese_text_and_times()
    {
        var server = Environment.GetEnvironmentVariable("TEST_POSTGRES")
            ?? throw new InvalidOperationException("TEST_POSTGRES is not set: run the tests through scripts/test.sh, which starts PostgreSQL");
        var name = $"dashboard_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var at = new DateTimeOffset(2026, 11, 23, 8, 15, 0, TimeSpan.FromHours(8));
        try
        {
            await using (var db = Context(DatabaseProvider.PostgreSql, connection))
            {
                await db.Database.MigrateAsync();
                db.Jurisdictions.Add(new JurisdictionNode { Code = "T", Name = "渭塘镇", Path = "/T/", Level = JurisdictionLevel.Township });
                db.Alarms.Add(new Alarm
                {
                    ExternalId = "110-20261123-000123", ReceivedAt = at.ToUniversalTime(), Category = "dispute",
                    Summary = "夫妻吵架，女方报警", Address = "渭塘镇渭南村桥角郎14号", JurisdictionPath = "/T/",
                    Parties = [new AlarmParty { Name = "施某", IdNumber = "320507198001011231" }],
                });
                await db.SaveChangesAsync();
            }
            await using (var db = Context(DatabaseProvider.PostgreSql, connection))
            {
                var alarm = await db.Alarms.Include(a => a.Parties).SingleAsync(a => a.Summary.Contains("吵架"));
                Assert.Equal("渭塘镇渭南村桥角郎14号", alarm.Address);
                Assert.Equal("施某", alarm.Parties.Single().Name);
                Assert.Equal(at, alarm.ReceivedAt);
                Assert.Equal(1, await db.Jurisdictions.CountAsync(n => n.Name == "渭塘镇"));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Track_points_stored_before_the_bucket_index_get_the_bucket_of_their_time(bool postgres)
    {
        await using var database = postgres ? TestDatabase.PostgreSql() : new TestDatabase();
        await using var db = database.CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_TrackBucketIndex", StringComparison.Ordinal)) - 1]);
        var unit = new Unit { Code = "U1", Name = "U1", Kind = UnitKind.PatrolCar, StationCode = "S1", JurisdictionPath = "/T/" };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        // The same instant's neighbours in three offsets: 01:15:39Z ends one bucket, 01:15:40Z and 01:15:41Z start the next.
        DateTimeOffset[] times =
        [
            new(2026, 11, 23, 9, 15, 39, TimeSpan.FromHours(8)), new(2026, 11, 23, 1, 15, 40, TimeSpan.Zero),
            new(2026, 11, 22, 20, 15, 41, TimeSpan.FromHours(-5)),
        ];
        foreach (var at in times)
        {
            var stored = postgres ? at.ToUniversalTime() : new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "PositionHistory" ("UnitId", "At", "Lat", "Lon") VALUES ({0}, {1}, 0.5, 0.5)""", unit.Id, stored);
        }

        await migrator.MigrateAsync();

        var buckets = await db.PositionHistory.OrderBy(p => p.Id).Select(p => p.Bucket).ToListAsync();
        var first = PositionSample.BucketOf(times[0]);
        Assert.Equal([first, first + 1, first + 1], buckets);
        Assert.Equal(times.Select(PositionSample.BucketOf), buckets);
    }
}
