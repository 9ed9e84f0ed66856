using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Statistics;

/// <summary>Keeps <see cref="AlarmBucket"/> counts: incremented with each ingested batch, rebuilt from raw rows on demand.</summary>
public sealed class AlarmBuckets(IDbContextFactory<DashboardDbContext> dbFactory)
{
    private static readonly TimeSpan RebuildChunk = TimeSpan.FromDays(7);

    /// <summary>
    /// Adds stored alarms to their buckets within the caller's transaction, so the counts commit with the alarms. Each
    /// bucket is incremented in the database (Count = Count + n), so concurrent batches never lose an update; a bucket
    /// two batches create at once fails one of them, which the caller retries.
    /// </summary>
    public static async Task CountAsync(DashboardDbContext db, IReadOnlyCollection<Alarm> alarms, CancellationToken ct)
    {
        foreach (var group in alarms.GroupBy(AlarmBucket.KeyOf))
        {
            var (hour, path, category, n) = (group.Key.Hour, group.Key.Path, group.Key.Category, group.Count());
            var updated = await db.AlarmBuckets.Where(b => b.Hour == hour && b.JurisdictionPath == path && b.Category == category)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Count, b => b.Count + n), ct);
            if (updated == 0)
                db.AlarmBuckets.Add(new AlarmBucket { Hour = hour, JurisdictionPath = path, Category = category, GridCode = group.First().GridCode, Count = n });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Recounts the hours in [from, to) from the raw alarms, a week at a time, each week in one transaction: after it the
    /// buckets equal the rows whatever happened before (a restore, a bulk import, a bug). Returns the alarms counted.
    /// </summary>
    public async Task<int> RebuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var total = 0;
        for (var start = AlarmBucket.HourOf(from); start < to; start += RebuildChunk)
        {
            var end = start + RebuildChunk < to ? start + RebuildChunk : AlarmBucket.HourOf(to.AddTicks(TimeSpan.TicksPerHour - 1));
            total += await RebuildChunkAsync(start, end, ct);
        }
        return total;
    }

    private async Task<int> RebuildChunkAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.AlarmBuckets.Where(b => b.Hour >= from && b.Hour < to).ExecuteDeleteAsync(ct);
        // Hours are cut in C#: the stored time format is provider-specific, so SQL cannot truncate it portably.
        var rows = await db.Alarms.AsNoTracking().Where(a => a.ReceivedAt >= from && a.ReceivedAt < to)
            .Select(a => new { a.ReceivedAt, a.JurisdictionPath, a.Category, a.GridCode }).ToListAsync(ct);
        db.AlarmBuckets.AddRange(rows.GroupBy(a => (Hour: AlarmBucket.HourOf(a.ReceivedAt), a.JurisdictionPath, a.Category))
            .Select(g => new AlarmBucket
            {
                Hour = g.Key.Hour, JurisdictionPath = g.Key.JurisdictionPath, Category = g.Key.Category, GridCode = g.First().GridCode,
                Count = g.Count(),
            }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rows.Count;
    }
}
