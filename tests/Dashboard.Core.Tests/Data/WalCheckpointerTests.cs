using Dashboard.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Tests.Data;

public sealed class WalCheckpointerTests : IAsyncLifetime
{
    private const int PagesPerWrite = 400;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dashboard-wal-{Guid.NewGuid():N}.db");
    private readonly PooledDbContextFactory<DashboardDbContext> _factory;
    private readonly WalCheckpointer _checkpointer;

    public WalCheckpointerTests()
    {
        // The context as the app registers it: its connections leave checkpoints to the checkpointer.
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DataServiceExtensions.Configure(options, DatabaseProvider.Sqlite, $"Data Source={_path}", Path.GetTempPath());
        options.AddInterceptors(WalCheckpointer.WritersDoNotCheckpoint);
        _factory = new PooledDbContextFactory<DashboardDbContext>(options.Options);
        var sqlite = Options.Create(new DatabaseOptions());
        _checkpointer = new WalCheckpointer(_factory, new WriteGate(sqlite), sqlite, NullLogger<WalCheckpointer>.Instance);
    }

    public async Task InitializeAsync()
    {
        await using var db = _factory.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; CREATE TABLE Filler (Id INTEGER PRIMARY KEY, Data BLOB NOT NULL);");
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
        return Task.CompletedTask;
    }

    /// <summary>One transaction of about <see cref="PagesPerWrite"/> pages, through the app's context.</summary>
    private async Task WriteAsync()
    {
        await using var db = _factory.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {PagesPerWrite}) INSERT INTO Filler (Data) SELECT randomblob(4000) FROM n");
    }

    private long LogPages => new FileInfo(_path + "-wal").Length / 4096;

    private async Task<long> RowsAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM Filler").SingleAsync();
    }

    private static async Task<long> CountAsync(SqliteConnection connection)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Filler";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Writers_leave_the_log_to_the_checkpointer_which_copies_it_and_has_the_next_writer_start_it_over()
    {
        for (var i = 0; i < 5; i++) await WriteAsync();
        // SQLite's own checkpoint would have started the log over past 1,000 pages; the writers did not stop for one.
        Assert.True(LogPages >= 5 * PagesPerWrite, $"log of {LogPages} pages");

        await using var connection = await _checkpointer.OpenAsync(CancellationToken.None);
        var copied = await _checkpointer.CheckpointAsync(connection, CancellationToken.None);
        Assert.True(copied >= 5 * PagesPerWrite, $"{copied} pages copied");

        // The log is reused from its start rather than grown, and nothing written is lost.
        var length = LogPages;
        await WriteAsync();
        await WriteAsync();
        Assert.Equal(length, LogPages);
        Assert.Equal(7 * PagesPerWrite, await RowsAsync());
        Assert.True(await _checkpointer.CheckpointAsync(connection, CancellationToken.None) < 3 * PagesPerWrite);
    }

    [Fact]
    public async Task A_reader_on_the_log_keeps_its_snapshot_through_a_checkpoint_and_the_log_starts_over_once_it_is_done()
    {
        await WriteAsync();
        await using var reader = new SqliteConnection($"Data Source={_path}");
        await reader.OpenAsync();
        await using var snapshot = reader.BeginTransaction(deferred: true);
        Assert.Equal(PagesPerWrite, await CountAsync(reader));
        await WriteAsync();

        await using var connection = await _checkpointer.OpenAsync(CancellationToken.None);
        await _checkpointer.CheckpointAsync(connection, CancellationToken.None);
        Assert.Equal(PagesPerWrite, await CountAsync(reader));
        await snapshot.CommitAsync();

        // Once the reader is done, the next checkpoint completes and the log starts over.
        await _checkpointer.CheckpointAsync(connection, CancellationToken.None);
        var length = LogPages;
        await WriteAsync();
        Assert.Equal(length, LogPages);
        Assert.Equal(3 * PagesPerWrite, await RowsAsync());
    }
}
