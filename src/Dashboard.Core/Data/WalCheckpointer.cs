using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file off the write path. By default the connection whose
/// commit pushes the log past 1,000 pages does the copy inside its commit, so every writer queued behind it waits as
/// well; here writers never checkpoint, and this service does it every second: the bulk while writers go on, then the
/// few pages committed meanwhile with writers held for a moment, so the checkpoint is complete and the next writer
/// starts the log over instead of growing it.
/// </summary>
public sealed class WalCheckpointer(
    IDbContextFactory<DashboardDbContext> dbFactory, WriteGate gate, IOptions<DatabaseOptions> options, ILogger<WalCheckpointer> logger)
    : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    // How long the restart, with writers held, waits for readers that began before the log was all copied: queries take
    // milliseconds; a long report must not stall writers for more than this once a second (the log then grows a little
    // longer and starts over on a later pass).
    private static readonly TimeSpan ReaderWait = TimeSpan.FromMilliseconds(100);

    /// <summary>Turns off the automatic checkpoint on every connection EF opens; the service checkpoints instead.</summary>
    public static IInterceptor WritersDoNotCheckpoint { get; } = new AutoCheckpointOff();

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite) return;
        await using var connection = await OpenAsync(ct);
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try { await CheckpointAsync(connection, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Could not checkpoint the SQLite log"); }
        }
    }

    /// <summary>A connection of the checkpointer's own, outside the pool: its busy timeout is for the restart only.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(int)ReaderWait.TotalMilliseconds}";
        await command.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>Copies every committed page into the database file and has the next writer start the log over (unless a
    /// reader holds on to the log longer than <see cref="ReaderWait"/>); returns the pages the log held.</summary>
    internal async Task<int> CheckpointAsync(SqliteConnection connection, CancellationToken ct)
    {
        var logged = await RunAsync(connection, "PASSIVE", ct);
        return logged > 0 ? await gate.RunAsync(() => RunAsync(connection, "RESTART", ct), ct) : logged;
    }

    /// <summary>Runs a checkpoint; returns the pages in the log.</summary>
    private static async Task<int> RunAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        await using var reader = await command.ExecuteReaderAsync(ct);
        // One row: busy, pages in the log, pages copied to the database file (−1, −1 when not in WAL mode).
        return await reader.ReadAsync(ct) ? reader.GetInt32(1) : 0;
    }

    private sealed class AutoCheckpointOff : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => TurnOff(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            TurnOff(connection);
            return Task.CompletedTask;
        }

        private static void TurnOff(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle }) SQLitePCL.raw.sqlite3_wal_autocheckpoint(handle, 0);
        }
    }
}
