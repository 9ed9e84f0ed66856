using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Core.Tests;

/// <summary>
/// A real database per test class, migrated like production, with a small two-station tree: a SQLite file, or with
/// <see cref="PostgreSql"/> a fresh database on the server scripts/test.sh starts.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<DashboardDbContext>, IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dashboard-core-{Guid.NewGuid():N}.db");
    private readonly string? _postgresName;
    private readonly DbContextOptions<DashboardDbContext> _options;

    public TestDatabase() : this(postgres: false) { }

    private TestDatabase(bool postgres)
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        if (postgres)
        {
            _postgresName = $"dashboard_test_{Guid.NewGuid():N}";
            var connection = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresName }.ConnectionString;
            DataServiceExtensions.Configure(builder, DatabaseProvider.PostgreSql, connection, Path.GetTempPath());
        }
        else DataServiceExtensions.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={_path}", Path.GetTempPath());
        _options = builder.Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public static TestDatabase PostgreSql() => new(postgres: true);

    /// <summary>The write gate as the app has it on SQLite, where writers queue; services under test share one per test.</summary>
    public static WriteGate NewWriteGate() => new(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions()));

    private static string PostgresServer => Environment.GetEnvironmentVariable("TEST_POSTGRES")
        ?? throw new InvalidOperationException("TEST_POSTGRES is not set: run the tests through scripts/test.sh, which starts PostgreSQL");

    public DashboardDbContext CreateDbContext() => new(_options);

    /// <summary>Township T with stations S1 (grid G1: the unit square at lon 0–1, lat 0–1) and S2 (G2: lon 1–2).</summary>
    public async Task<JurisdictionMap> SeedTwoStationsAsync()
    {
        await using var db = CreateDbContext();
        var township = Node("T", JurisdictionLevel.Township, null);
        var s1 = Node("S1", JurisdictionLevel.Station, township);
        var s2 = Node("S2", JurisdictionLevel.Station, township);
        var c1 = Node("C1", JurisdictionLevel.Community, s1);
        var c2 = Node("C2", JurisdictionLevel.Community, s2);
        var g1 = Node("G1", JurisdictionLevel.Grid, c1, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
        var g2 = Node("G2", JurisdictionLevel.Grid, c2, "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))");
        db.Jurisdictions.AddRange(township, s1, s2, c1, c2, g1, g2);
        await db.SaveChangesAsync();
        return new JurisdictionMap(this);
    }

    private static JurisdictionNode Node(string code, JurisdictionLevel level, JurisdictionNode? parent, string? wkt = null) => new()
    {
        Code = code, Name = code, Level = level, Parent = parent, Path = JurisdictionNode.ChildPath(parent?.Path, code), BoundaryWkt = wkt,
    };

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
    }
}
