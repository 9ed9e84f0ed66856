using Microsoft.Extensions.Options;

namespace Dashboard.Core.Data;

/// <summary>
/// SQLite lets one transaction write at a time and makes the others wait by putting their thread to sleep and retrying,
/// which under load leaves the lock idle between sleeps and ties up threads. The busy writers (alarm and position
/// batches) queue here instead: each awaits its turn and takes the lock as soon as the previous batch commits. Server
/// databases lock rows, not the file, so there everyone passes at once.
/// </summary>
public sealed class WriteGate(IOptions<DatabaseOptions> options)
{
    private readonly SemaphoreSlim? _turn = options.Value.Provider == DatabaseProvider.Sqlite ? new(1, 1) : null;

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        if (_turn is null) return await write();
        await _turn.WaitAsync(ct);
        try { return await write(); }
        finally { _turn.Release(); }
    }

    public Task RunAsync(Func<Task> write, CancellationToken ct) => RunAsync(async () => { await write(); return true; }, ct);
}
