using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Units;

/// <summary>How long track points (轨迹) are kept; a unit's latest position is kept whatever its age.</summary>
public sealed class TrackRetentionOptions
{
    public const string Section = "Tracks";

    /// <summary>Days of track history kept; 0 keeps it forever.</summary>
    public int RetentionDays { get; set; } = 180;
}

/// <summary>
/// Deletes track points older than the retention period, a chunk per transaction: at thousands of fixes a second a day
/// is millions of rows, and one long delete would hold the write lock against incoming positions and alarms.
/// </summary>
public sealed class TrackRetention(
    IDbContextFactory<DashboardDbContext> dbFactory, IOptions<TrackRetentionOptions> options, WriteGate gate, TimeProvider clock)
{
    public const int Chunk = 20_000;

    /// <summary>Deletes what is past the retention period; returns how many track points went.</summary>
    public async Task<long> PurgeAsync(CancellationToken ct, int chunk = Chunk)
    {
        if (options.Value.RetentionDays <= 0) return 0;
        var before = clock.GetUtcNow().AddDays(-options.Value.RetentionDays);
        long deleted = 0;
        while (true)
        {
            var count = await gate.RunAsync(async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.PositionHistory.Where(p => p.At < before).OrderBy(p => p.At).Take(chunk).ExecuteDeleteAsync(ct);
            }, ct);
            deleted += count;
            if (count < chunk) return deleted;
        }
    }
}
