using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>
/// The models' settings as the engine reads them on every alarm: held in memory, reloaded after an admin saves a change
/// and by the scan every minute (which also picks up a change made on another server), never on the ingest path.
/// </summary>
public sealed class WarningModelSettings(IDbContextFactory<DashboardDbContext> dbFactory)
{
    private volatile IReadOnlyDictionary<string, WarningModel>? _enabled;

    /// <summary>The enabled models by code.</summary>
    public async ValueTask<IReadOnlyDictionary<string, WarningModel>> EnabledAsync(CancellationToken ct = default) =>
        _enabled ?? await ReloadAsync(ct);

    public async Task<IReadOnlyDictionary<string, WarningModel>> ReloadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return _enabled = await db.WarningModels.AsNoTracking().Where(m => m.Enabled).ToDictionaryAsync(m => m.Code, ct);
    }

    public void Invalidate() => _enabled = null;
}
