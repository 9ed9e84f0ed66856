using Dashboard.Core.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Statistics;

/// <summary>Statistics buckets against the raw alarms they count, through the real ingestion API.</summary>
public sealed class AlarmBucketTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private Task PostAsync(string externalId, DateTimeOffset at, string category, string grid) => PostAsync([(externalId, at, category, grid)]);

    private Task PostAsync(IEnumerable<(string ExternalId, DateTimeOffset At, string Category, string Grid)> alarms) => AlarmBatch.PostAsync(app, alarms);

    private Task<Dictionary<(DateTimeOffset, string, string), int>> RawAsync(DateTimeOffset from) => app.QueryAsync(async db =>
        (await db.Alarms.Where(a => a.ReceivedAt >= from).Select(a => new { a.ReceivedAt, a.JurisdictionPath, a.Category }).ToListAsync())
        .GroupBy(a => (AlarmBucket.HourOf(a.ReceivedAt), a.JurisdictionPath, a.Category)).ToDictionary(g => g.Key, g => g.Count()));

    private Task<Dictionary<(DateTimeOffset, string, string), int>> BucketsAsync(DateTimeOffset from) => app.QueryAsync(async db =>
        await db.AlarmBuckets.Where(b => b.Hour >= from).ToDictionaryAsync(b => (b.Hour, b.JurisdictionPath, b.Category), b => b.Count));

    [Fact]
    public async Task Ingested_alarms_are_counted_per_hour_place_and_category_and_a_repeat_is_not_counted_twice()
    {
        var hour = AlarmBucket.HourOf(app.Clock.GetUtcNow().AddDays(-2));
        await PostAsync("bucket-1", hour.AddMinutes(5), "criminal", "G001");
        await PostAsync("bucket-2", hour.AddMinutes(59), "criminal", "G001");
        await PostAsync("bucket-2", hour.AddMinutes(59), "criminal", "G001");
        await PostAsync("bucket-3", hour.AddMinutes(60), "criminal", "G001");
        await PostAsync("bucket-4", hour.AddMinutes(6), "traffic", "G002");

        var buckets = await BucketsAsync(hour);
        Assert.Equal(await RawAsync(hour), buckets);
        Assert.Equal(2, buckets.Where(b => b.Key.Item1 == hour && b.Key.Item3 == "criminal").Sum(b => b.Value));
    }

    [Fact]
    public async Task A_rebuild_makes_the_buckets_equal_the_raw_rows_whatever_they_held()
    {
        var from = AlarmBucket.HourOf(app.Clock.GetUtcNow().AddDays(-10));
        await PostAsync(Enumerable.Range(0, 30).Select(i =>
            ($"rebuild-{i}", from.AddMinutes(97 * i), i % 3 == 0 ? "dispute" : "public_order", i % 2 == 0 ? "G001" : "G003")));
        await app.QueryAsync(async db =>
        {
            await db.AlarmBuckets.Where(b => b.Hour >= from).Take(3).ExecuteUpdateAsync(s => s.SetProperty(b => b.Count, 999));
            db.AlarmBuckets.Add(new AlarmBucket { Hour = from.AddHours(1), JurisdictionPath = "/T001/nowhere/", Category = "fire", Count = 5 });
            return await db.SaveChangesAsync();
        });

        var counted = await app.Services.GetRequiredService<AlarmBuckets>().RebuildAsync(from, app.Clock.GetUtcNow());

        Assert.Equal(await RawAsync(from), await BucketsAsync(from));
        Assert.Equal(await app.QueryAsync(db => db.Alarms.CountAsync(a => a.ReceivedAt >= from)), counted);
    }

    [Fact]
    public async Task Figures_for_a_period_with_ragged_ends_read_whole_hours_from_buckets_and_equal_the_raw_count()
    {
        var hour = AlarmBucket.HourOf(app.Clock.GetUtcNow().AddDays(-20));
        var minutes = new[] { 5, 9, 10, 61, 125, 179, 300, 319, 320, 321, 400 };
        await PostAsync(minutes.Select((m, i) => ($"ragged-{i}", hour.AddMinutes(m), i % 2 == 0 ? "criminal" : "traffic", "G001")));
        var period = new Period(hour.AddMinutes(10), hour.AddMinutes(320));

        var figures = await app.Services.GetRequiredService<KpiQueries>().ComputeAsync(new("/T001/"), period);

        var raw = await app.QueryAsync(db => db.Alarms.CountAsync(a => a.ReceivedAt >= period.From && a.ReceivedAt < period.To));
        Assert.Equal(raw, figures.Current);
        Assert.Equal(minutes.Count(m => m is >= 10 and < 320), figures.Current);
        Assert.Equal(3, figures.Categories.Single(c => c.Category == "traffic").Current);
    }
}
