using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Statistics;

internal sealed record HourCount(DateTimeOffset Hour, int Count);

internal sealed record PlaceCount(string Path, string Category, int Count);

/// <summary>
/// Sums of <see cref="AlarmBucket"/> counts over whole hours, grouped in SQL: 90 days of a township are at most a few
/// thousand groups, never a scan of raw alarms. The period's ends must be whole UTC hours (local days are, with a
/// whole-hour zone offset).
/// </summary>
internal static class BucketTotals
{
    public static IQueryable<AlarmBucket> Of(DashboardDbContext db, JurisdictionScope scope, string? category)
    {
        var buckets = db.AlarmBuckets.AsNoTracking().InScope(scope);
        return category is null ? buckets : buckets.Where(b => b.Category == category);
    }

    public static async Task<List<HourCount>> ByHourAsync(IQueryable<AlarmBucket> buckets, Period period, CancellationToken ct) =>
        await buckets.Where(b => b.Hour >= period.From && b.Hour < period.To)
            .GroupBy(b => b.Hour).Select(g => new HourCount(g.Key, g.Sum(b => b.Count))).ToListAsync(ct);

    public static async Task<List<PlaceCount>> ByPlaceAsync(IQueryable<AlarmBucket> buckets, Period period, CancellationToken ct) =>
        await buckets.Where(b => b.Hour >= period.From && b.Hour < period.To)
            .GroupBy(b => new { b.JurisdictionPath, b.Category })
            .Select(g => new PlaceCount(g.Key.JurisdictionPath, g.Key.Category, g.Sum(b => b.Count))).ToListAsync(ct);
}
