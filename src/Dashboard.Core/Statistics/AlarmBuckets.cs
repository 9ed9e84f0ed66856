using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Statistics;

/// <summary>
/// Keeps <see cref="AlarmBucket"/> and <see cref="ResponseBucket"/> counts: incremented with each ingested batch and each
/// on-scene event, rebuilt from raw rows on demand.
/// </summary>
public sealed class AlarmBuckets(IDbContextFactory<DashboardDbContext> dbFactory, LocalCalendar calendar)
{
    private const int RebuildDays = 7;

    /// <summary>
    /// Adds stored alarms to their buckets within the caller's transaction, so the counts commit with the alarms. Each
    /// bucket is incremented in the database (Count = Count + n), so concurrent batches never lose an update. SQLite and
    /// PostgreSQL do it in one prepared upsert per bucket; elsewhere a bucket two batches create at once fails one of
    /// them, which the caller retries.
    /// </summary>
    public async Task CountAsync(DashboardDbContext db, IReadOnlyCollection<Alarm> alarms, CancellationToken ct)
    {
        var counts = alarms.SelectMany(a => AlarmBucket.KeysOf(a.ReceivedAt, a.JurisdictionPath, a.Category, calendar))
            .GroupBy(k => k).Select(g => (Key: g.Key, Count: g.Count())).ToList();
        if (db.Database.IsSqlite() || db.Database.IsNpgsql())
        {
            await UpsertAsync(db, counts, ct);
            return;
        }
        foreach (var ((span, start, path, depth, category), n) in counts)
        {
            var updated = await db.AlarmBuckets.Where(b => b.JurisdictionPath == path && b.Span == span && b.Start == start && b.Category == category)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Count, b => b.Count + n), ct);
            if (updated == 0)
                db.AlarmBuckets.Add(new AlarmBucket { Span = span, Start = start, JurisdictionPath = path, Depth = depth, Category = category, Count = n });
        }
        await db.SaveChangesAsync(ct);
    }

    private static Task UpsertAsync(
        DashboardDbContext db, List<((BucketSpan Span, DateTimeOffset Start, string Path, int Depth, string Category) Key, int Count)> counts,
        CancellationToken ct)
    {
        var rows = new PreparedRows(db, typeof(AlarmBucket), nameof(AlarmBucket.JurisdictionPath), nameof(AlarmBucket.Span),
            nameof(AlarmBucket.Start), nameof(AlarmBucket.Category), nameof(AlarmBucket.Depth), nameof(AlarmBucket.Count));
        var count = rows.Column(nameof(AlarmBucket.Count));
        var text = $"{rows.Insert} ON CONFLICT ({string.Join(", ", rows.Properties.Take(4).Select(rows.Column))}) " +
            $"DO UPDATE SET {count} = {rows.Table}.{count} + excluded.{count}";
        return rows.RunAsync(db, text, counts.Select(c => new object?[] { c.Key.Path, c.Key.Span, c.Key.Start, c.Key.Category, c.Key.Depth, c.Count }), ct);
    }

    /// <summary>
    /// Moves an alarm's response time into its bins within the caller's transaction: out of the bin of the time it had
    /// (an earlier on-scene report can replace a later one) and into the bin of the time it has now.
    /// </summary>
    public async Task MoveResponseAsync(DashboardDbContext db, Alarm alarm, DateTimeOffset? previousOnScene, CancellationToken ct)
    {
        foreach (var key in ResponseBucket.KeysOf(alarm.ReceivedAt, previousOnScene, alarm.JurisdictionPath, calendar))
            await db.ResponseBuckets.Where(b => b.JurisdictionPath == key.Path && b.Day == key.Day && b.Minute == key.Minute)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Count, b => b.Count - 1), ct);
        foreach (var (day, path, depth, minute) in ResponseBucket.KeysOf(alarm.ReceivedAt, alarm.OnSceneAt, alarm.JurisdictionPath, calendar))
        {
            var updated = await db.ResponseBuckets.Where(b => b.JurisdictionPath == path && b.Day == day && b.Minute == minute)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Count, b => b.Count + 1), ct);
            if (updated == 0) db.ResponseBuckets.Add(new ResponseBucket { Day = day, JurisdictionPath = path, Depth = depth, Minute = minute, Count = 1 });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Recounts the local days touching [from, to) from the raw alarms, a week at a time, each week in one transaction:
    /// after it the buckets equal the rows whatever happened before (a restore, a bulk import, a bug). Returns the alarms counted.
    /// </summary>
    public async Task<int> RebuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var total = 0;
        var (first, last) = (calendar.DayOf(from).Start, calendar.DayOf(to.AddTicks(-1)).End);
        for (var start = first; start < last;)
        {
            var end = calendar.StartOf(DateOnly.FromDateTime(calendar.ToLocal(start).DateTime).AddDays(RebuildDays));
            if (end > last) end = last;
            total += await RebuildChunkAsync(start, end, ct);
            start = end;
        }
        return total;
    }

    /// <summary>
    /// Counts the alarms older than the oldest day bucket (all of them when there are none): after an upgrade that reset
    /// the buckets, or a restore of older alarms. Nothing to do returns 0 at the cost of two indexed lookups.
    /// </summary>
    public async Task<int> CatchUpAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var firstAlarm = await db.Alarms.OrderBy(a => a.ReceivedAt).Select(a => (DateTimeOffset?)a.ReceivedAt).FirstOrDefaultAsync(ct);
        var firstBucket = await db.AlarmBuckets.Where(b => b.Span == BucketSpan.Day).OrderBy(b => b.Start)
            .Select(b => (DateTimeOffset?)b.Start).FirstOrDefaultAsync(ct);
        if (firstAlarm is not { } from) return 0;
        var to = firstBucket ?? now;
        return calendar.DayOf(from).Start < to ? await RebuildAsync(from, to, ct) : 0;
    }

    // Whole local days: a day bucket is never split between two chunks.
    private async Task<int> RebuildChunkAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false; // tens of thousands of new rows, none changed afterwards
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.AlarmBuckets.Where(b => b.Start >= from && b.Start < to).ExecuteDeleteAsync(ct);
        await db.ResponseBuckets.Where(b => b.Day >= from && b.Day < to).ExecuteDeleteAsync(ct);
        // Hours and days are cut in C#: the stored time format is provider-specific, so SQL cannot truncate it portably.
        var rows = await db.Alarms.AsNoTracking().Where(a => a.ReceivedAt >= from && a.ReceivedAt < to)
            .Select(a => new { a.ReceivedAt, a.JurisdictionPath, a.Category, a.OnSceneAt })
            .ToListAsync(ct);
        db.AlarmBuckets.AddRange(rows.SelectMany(a => AlarmBucket.KeysOf(a.ReceivedAt, a.JurisdictionPath, a.Category, calendar)).GroupBy(k => k).Select(g => new AlarmBucket
        {
            Span = g.Key.Span, Start = g.Key.Start, JurisdictionPath = g.Key.Path, Depth = g.Key.Depth, Category = g.Key.Category, Count = g.Count(),
        }));
        db.ResponseBuckets.AddRange(rows.SelectMany(a => ResponseBucket.KeysOf(a.ReceivedAt, a.OnSceneAt, a.JurisdictionPath, calendar)).GroupBy(k => k)
            .Select(g => new ResponseBucket { Day = g.Key.Day, JurisdictionPath = g.Key.Path, Depth = g.Key.Depth, Minute = g.Key.Minute, Count = g.Count() }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rows.Count;
    }
}
