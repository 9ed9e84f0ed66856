using System.Net.Http.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Statistics;

/// <summary>Statistics buckets against the raw alarms they count, through the real ingestion API.</summary>
public sealed class AlarmBucketTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private Task PostAsync(string externalId, DateTimeOffset at, string category, string grid) => PostAsync([(externalId, at, category, grid)]);

    private Task PostAsync(IEnumerable<(string ExternalId, DateTimeOffset At, string Category, string Grid)> alarms) => AlarmBatch.PostAsync(app, alarms);

    private LocalCalendar Calendar => app.Services.GetRequiredService<LocalCalendar>();

    /// <summary>What every bucket from the local day of <paramref name="from"/> on should hold, counted from the raw rows.</summary>
    private async Task<Dictionary<(BucketSpan, DateTimeOffset, string, string), int>> RawAsync(DateTimeOffset from)
    {
        var day = Calendar.DayOf(from).Start;
        var rows = await app.QueryAsync(db => db.Alarms.Where(a => a.ReceivedAt >= day).Select(a => new { a.ReceivedAt, a.JurisdictionPath, a.Category }).ToListAsync());
        return rows.SelectMany(a => AlarmBucket.KeysOf(a.ReceivedAt, a.JurisdictionPath, a.Category, Calendar))
            .GroupBy(k => (k.Span, k.Start, k.Path, k.Category)).ToDictionary(g => g.Key, g => g.Count());
    }

    private Task<Dictionary<(BucketSpan, DateTimeOffset, string, string), int>> BucketsAsync(DateTimeOffset from)
    {
        var day = Calendar.DayOf(from).Start;
        return app.QueryAsync(async db => await db.AlarmBuckets.Where(b => b.Start >= day)
            .ToDictionaryAsync(b => (b.Span, b.Start, b.JurisdictionPath, b.Category), b => b.Count));
    }

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
        // Counted at every node above the grid (township, station, community) by the hour; grids count by the day.
        var grid = (await app.InsideGridAsync("G001")).Path;
        Assert.Equal([2, 2, 2, 0], Dashboard.Core.Jurisdictions.JurisdictionPaths.WithAncestors(grid)
            .Select(p => buckets.GetValueOrDefault((BucketSpan.Hour, hour, p.Path, "criminal"))));
    }

    [Fact]
    public async Task A_rebuild_makes_the_buckets_equal_the_raw_rows_whatever_they_held()
    {
        var from = AlarmBucket.HourOf(app.Clock.GetUtcNow().AddDays(-10));
        await PostAsync(Enumerable.Range(0, 30).Select(i =>
            ($"rebuild-{i}", from.AddMinutes(97 * i), i % 3 == 0 ? "dispute" : "public_order", i % 2 == 0 ? "G001" : "G003")));
        await app.QueryAsync(async db =>
        {
            await db.AlarmBuckets.Where(b => b.Start >= from).Take(3).ExecuteUpdateAsync(s => s.SetProperty(b => b.Count, 999));
            db.AlarmBuckets.Add(new AlarmBucket { Span = BucketSpan.Hour, Start = from.AddHours(1), JurisdictionPath = "/T001/nowhere/", Depth = 2, Category = "fire", Count = 5 });
            return await db.SaveChangesAsync();
        });

        var counted = await app.Services.GetRequiredService<AlarmBuckets>().RebuildAsync(from, app.Clock.GetUtcNow());

        Assert.Equal(await RawAsync(from), await BucketsAsync(from));
        var day = Calendar.DayOf(from).Start;
        Assert.Equal(await app.QueryAsync(db => db.Alarms.CountAsync(a => a.ReceivedAt >= day)), counted);
    }

    [Fact]
    public async Task Figures_for_a_period_with_ragged_ends_read_whole_days_and_hours_from_buckets_and_equal_the_raw_count()
    {
        var hour = AlarmBucket.HourOf(app.Clock.GetUtcNow().AddDays(-20));
        var minutes = new[] { 5, 9, 10, 61, 125, 179, 300, 319, 320, 321, 400, 1500, 2000, 2890, 3199, 3200, 3300 };
        await PostAsync(minutes.Select((m, i) => ($"ragged-{i}", hour.AddMinutes(m), i % 2 == 0 ? "criminal" : "traffic", "G001")));
        var period = new Period(hour.AddMinutes(10), hour.AddMinutes(3200));
        var pieces = app.Services.GetRequiredService<AlarmCounts>().Split(period.From, period.To).OrderBy(p => p.From).ToList();
        Assert.Contains(pieces, p => p.Span == BucketSpan.Day);
        Assert.Equal(period.From, pieces[0].From);
        Assert.Equal(period.To, pieces[^1].To);
        Assert.All(pieces.Zip(pieces.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));

        var figures = await app.Services.GetRequiredService<KpiQueries>().ComputeAsync(new("/T001/"), period);

        var raw = await app.QueryAsync(db => db.Alarms.CountAsync(a => a.ReceivedAt >= period.From && a.ReceivedAt < period.To));
        Assert.Equal(raw, figures.Current);
        Assert.Equal(minutes.Count(m => m is >= 10 and < 3200), figures.Current);
        Assert.Equal(minutes.Where((m, i) => m is >= 10 and < 3200 && i % 2 == 1).Count(), figures.Categories.Single(c => c.Category == "traffic").Current);
        // A grid has day buckets only: its ends come from the rows, and the figure is the same.
        var grid = (await app.InsideGridAsync("G001")).Path;
        var gridFigures = await app.Services.GetRequiredService<KpiQueries>().ComputeAsync(new(grid), period);
        Assert.Equal(await app.QueryAsync(db => db.Alarms.CountAsync(a => a.JurisdictionPath == grid && a.ReceivedAt >= period.From && a.ReceivedAt < period.To)),
            gridFigures.Current);
    }

    [Fact]
    public async Task On_scene_reports_fill_the_response_histogram_an_earlier_report_moves_the_bin_and_a_rebuild_agrees()
    {
        var start = Calendar.DayOf(app.Clock.GetUtcNow().AddDays(-30)).Start;
        var received = Enumerable.Range(0, 12).Select(i => start.AddHours(2 + 5 * i)).ToList();
        await PostAsync(received.Select((at, i) => ($"response-{i}", at, "criminal", "G001")));
        var api = app.ApiClient();
        async Task OnSceneAsync(int i, double minutes) => (await api.PostAsJsonAsync($"/api/v1/alarms/response-{i}/events",
            new { status = "OnScene", at = received[i].AddMinutes(minutes) })).EnsureSuccessStatusCode();
        for (var i = 0; i < received.Count; i++) await OnSceneAsync(i, 3 + 4 * i);
        await OnSceneAsync(11, 2.5); // a first unit reported late: 47 minutes becomes 2.5
        var grid = (await app.InsideGridAsync("G001")).Path;
        var community = JurisdictionPaths.Parent(grid)!;

        var live = await app.QueryAsync(db => db.ResponseBuckets.Where(b => b.Day >= start && b.JurisdictionPath == community && b.Count != 0)
            .OrderBy(b => b.Day).ThenBy(b => b.Minute).Select(b => new { b.Day, b.Minute, b.Count }).ToListAsync());
        await app.Services.GetRequiredService<AlarmBuckets>().RebuildAsync(start, start.AddDays(3));
        var rebuilt = await app.QueryAsync(db => db.ResponseBuckets.Where(b => b.Day >= start && b.JurisdictionPath == community && b.Count != 0)
            .OrderBy(b => b.Day).ThenBy(b => b.Minute).Select(b => new { b.Day, b.Minute, b.Count }).ToListAsync());

        Assert.Equal(rebuilt, live);
        Assert.Equal(12, live.Sum(b => b.Count));
        Assert.Contains(live, b => b.Minute == 2);
        Assert.DoesNotContain(live, b => b.Minute == 47);
        // Three whole days read from the histogram: the median (the 6th of 12: 3, 7, …, 23 with 2.5 first → 19) to the minute.
        var figures = await app.Services.GetRequiredService<KpiQueries>().ComputeAsync(new(community), new Period(start, start.AddDays(3)));
        Assert.Equal((19.5, 12), (figures.ResponseMedianMinutes, figures.ResponseSamples));
    }
}
