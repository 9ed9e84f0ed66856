using System.Net.Http.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Statistics;

/// <summary>Chart figures, read from the buckets, against counts this test makes itself from the raw alarm rows.</summary>
public sealed class ChartQueryTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly JurisdictionScope Township = new("/T001/");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly string[] Categories = ["criminal", "public_order", "dispute", "traffic"];

    private ChartQueries Charts => app.Services.GetRequiredService<ChartQueries>();
    private LocalCalendar Calendar => app.Services.GetRequiredService<LocalCalendar>();

    private sealed record Raw(DateTimeOffset At, string Category, string Path, string? Grid, DateTimeOffset? OnSceneAt)
    {
        public DateTimeOffset Local => TimeZoneInfo.ConvertTime(At, Shanghai);
        public DateOnly Date => DateOnly.FromDateTime(Local.DateTime);
    }

    private Task<List<Raw>> RawAsync(JurisdictionScope scope, DateTimeOffset from, DateTimeOffset to) => app.QueryAsync(async db =>
        (await db.Alarms.Where(a => a.JurisdictionPath.StartsWith(scope.Path) && a.ReceivedAt >= from && a.ReceivedAt < to)
            .Select(a => new { a.ReceivedAt, a.Category, a.JurisdictionPath, a.GridCode, a.OnSceneAt }).ToListAsync())
        .Select(a => new Raw(a.ReceivedAt, a.Category, a.JurisdictionPath, a.GridCode, a.OnSceneAt)).ToList());

    private Task<List<(string Code, string Path, int Population)>> GridsAsync() => app.QueryAsync(async db =>
        (await db.Jurisdictions.Where(n => n.Level == JurisdictionLevel.Grid).OrderBy(n => n.Code)
            .Select(n => new { n.Code, n.Path, n.Population }).ToListAsync()).Select(n => (n.Code, n.Path, n.Population)).ToList());

    /// <summary>Local days [first, last] some weeks back, clear of the other tests' days.</summary>
    private (DateOnly First, DateOnly Last, Period Period) Days(int weeksBack, int length)
    {
        var last = DateOnly.FromDateTime(Calendar.Now.DateTime).AddDays(-7 * weeksBack);
        var first = last.AddDays(1 - length);
        return (first, last, PeriodChoice.Custom(first, last).Resolve(Calendar));
    }

    /// <summary>Alarms spread over the days' hours, categories and the grids of both stations, plus a few the period before and a year before.</summary>
    private async Task SeedAsync(string prefix, DateOnly first, int days, List<string> grids)
    {
        var start = Calendar.StartOf(first);
        var alarms = Enumerable.Range(0, 12 * days).Select(i => ($"{prefix}-{i}", start.AddMinutes(i * 7919 % (days * 1440)), Categories[i % 4], grids[i % grids.Count]))
            .Concat(Enumerable.Range(0, 7).Select(i => ($"{prefix}-before-{i}", start.AddHours(-5 - 13 * i), Categories[i % 2], grids[i % grids.Count])))
            .Concat(Enumerable.Range(0, 5).Select(i => ($"{prefix}-lastyear-{i}", Calendar.StartOf(first.AddDays(i).AddYears(-1)).AddHours(10 + i), Categories[i % 3], grids[0])));
        await AlarmBatch.PostAsync(app, alarms);
    }

    private async Task<List<string>> OneGridPerStationAsync() =>
        (await GridsAsync()).GroupBy(g => JurisdictionPaths.ChildOf(Township.Path, g.Path)).Select(g => g.First().Code).ToList();

    [Fact]
    public async Task Daily_figures_equal_the_raw_count_per_local_day_and_the_same_day_last_year()
    {
        var (first, last, period) = Days(3, 12);
        await SeedAsync("daily", first, 12, await OneGridPerStationAsync());

        var daily = await Charts.DailyAsync(Township, period, null);

        var raw = await RawAsync(Township, period.From, period.To);
        var lastYear = await RawAsync(Township, period.LastYear(Calendar).From, period.LastYear(Calendar).To);
        Assert.Equal(Enumerable.Range(0, 12).Select(first.AddDays), daily.Select(d => d.Date));
        Assert.Equal(daily.Select(d => raw.Count(r => r.Date == d.Date)), daily.Select(d => d.Count));
        Assert.Equal(daily.Select(d => lastYear.Count(r => r.Date == d.Date.AddYears(-1))), daily.Select(d => d.SameDayLastYear));
        Assert.Equal(5, daily.Sum(d => d.SameDayLastYear));
        Assert.Equal(raw.Count, daily.Sum(d => d.Count));
        Assert.Equal(last, daily[^1].Date);
    }

    [Fact]
    public async Task An_alarm_at_23_59_59_local_counts_on_its_day_and_one_at_midnight_on_the_next()
    {
        var (first, _, period) = Days(6, 3);
        var midnight = Calendar.StartOf(first.AddDays(1));
        await AlarmBatch.PostAsync(app, [("edge-2359", midnight.AddSeconds(-1), "traffic", "G001"), ("edge-0000", midnight, "traffic", "G001")]);

        var daily = await Charts.DailyAsync(Township, period, null);
        var hours = await Charts.HourOfWeekAsync(Township, period, null);

        Assert.Equal([1, 1, 0], daily.Select(d => d.Count));
        var (before, after) = (TimeZoneInfo.ConvertTime(midnight.AddSeconds(-1), Shanghai), TimeZoneInfo.ConvertTime(midnight, Shanghai));
        Assert.Equal((23, 0), (before.Hour, after.Hour));
        Assert.Equal(1, hours.Counts[((int)before.DayOfWeek + 6) % 7][23]);
        Assert.Equal(1, hours.Counts[((int)after.DayOfWeek + 6) % 7][0]);
    }

    [Fact]
    public async Task Comparisons_grids_and_hours_equal_the_raw_counts_by_category_station_grid_and_local_hour_of_week()
    {
        var (first, _, period) = Days(9, 10);
        var grids = await GridsAsync();
        await SeedAsync("figures", first, 10, grids.Select(g => g.Code).Where((_, i) => i % 5 == 0).ToList());

        var figures = await Charts.AllAsync(Township, period, null);

        var now = await RawAsync(Township, period.From, period.To);
        var before = await RawAsync(Township, period.Previous.From, period.Previous.To);
        var lastYear = await RawAsync(Township, period.LastYear(Calendar).From, period.LastYear(Calendar).To);
        foreach (var row in figures.Comparisons.ByCategory)
            Assert.Equal((now.Count(r => r.Category == row.Key), before.Count(r => r.Category == row.Key), lastYear.Count(r => r.Category == row.Key)),
                (row.Current, row.Previous, row.LastYear));
        Assert.Equal(grids.Select(g => JurisdictionPaths.ChildOf(Township.Path, g.Path)).Distinct().Order(StringComparer.Ordinal),
            figures.Comparisons.ByPlace.Select(p => p.Key));
        foreach (var row in figures.Comparisons.ByPlace)
            Assert.Equal((now.Count(r => r.Path.StartsWith(row.Key, StringComparison.Ordinal)), before.Count(r => r.Path.StartsWith(row.Key, StringComparison.Ordinal))), (row.Current, row.Previous));
        Assert.True(figures.Comparisons.ByPlace.Count(p => p.Current > 0) >= 2);

        Assert.Equal(grids.Select(g => g.Code), figures.Grids.Select(g => g.Code).Order());
        foreach (var grid in figures.Grids)
        {
            Assert.Equal(now.Count(r => r.Grid == grid.Code), grid.Alarms);
            Assert.Equal(1000.0 * grid.Alarms / grids.Single(g => g.Code == grid.Code).Population, grid.PerThousandResidents!.Value, 6);
            Assert.InRange(grid.AreaKm2, 0.05, 50);
        }
        for (var day = 0; day < 7; day++)
            for (var hour = 0; hour < 24; hour++)
                Assert.Equal(now.Count(r => ((int)r.Local.DayOfWeek + 6) % 7 == day && r.Local.Hour == hour), figures.Hours.Counts[day][hour]);
        Assert.Equal(now.Count, figures.Hours.Total);
    }

    [Fact]
    public async Task Response_times_give_each_station_the_median_and_90th_percentile_of_its_own_alarms()
    {
        var (first, _, period) = Days(12, 2);
        var at = Calendar.StartOf(first).AddHours(9);
        var minutes = new[] { 3, 7, 12, 25, 70, 4, 9 };
        var grids = await OneGridPerStationAsync();
        await AlarmBatch.PostAsync(app, minutes.Select((_, i) => ($"response-{i}", at.AddMinutes(i), "public_order", grids[i % 2])));
        foreach (var (m, i) in minutes.Select((m, i) => (m, i)))
            (await app.ApiClient().PostAsJsonAsync($"/api/v1/alarms/response-{i}/events", new { status = "OnScene", at = at.AddMinutes(i + m) })).EnsureSuccessStatusCode();

        var figures = await Charts.AllAsync(Township, period, null);

        var raw = await RawAsync(Township, period.From, period.To);
        foreach (var place in figures.Response.ByPlace)
        {
            var sorted = raw.Where(r => r.Path.StartsWith(place.Key, StringComparison.Ordinal) && r.OnSceneAt is not null).Select(r => (r.OnSceneAt!.Value - r.At).TotalMinutes).Order().ToList();
            Assert.Equal(sorted.Count, place.Samples);
            // Read from per-minute histograms: the middle of the minute the percentile falls in.
            double? ToTheMinute(double p) => sorted.Count == 0 ? null : Math.Floor(sorted[(int)Math.Ceiling(p * sorted.Count) - 1]) + 0.5;
            Assert.Equal(ToTheMinute(0.5), place.MedianMinutes);
            Assert.Equal(ToTheMinute(0.9), place.P90Minutes);
        }
        Assert.Equal(2, figures.Response.Bins.Single(b => b.FromMinute == 0).Count);
        Assert.Equal(1, figures.Response.Bins.Single(b => b.ToMinute is null).Count);
        Assert.Equal(minutes.Length, figures.Response.Bins.Sum(b => b.Count));
    }

    [Fact]
    public async Task A_station_scope_sees_only_its_own_figures_and_compares_its_communities()
    {
        var (first, _, period) = Days(15, 4);
        await SeedAsync("scoped", first, 4, await OneGridPerStationAsync());
        var station2 = new JurisdictionScope("/T001/S002/");
        var station1Grids = (await GridsAsync()).Where(g => g.Path.StartsWith("/T001/S001/", StringComparison.Ordinal)).Select(g => g.Code).ToList();

        var figures = await Charts.AllAsync(station2, period, null);

        var raw = await RawAsync(station2, period.From, period.To);
        Assert.Equal(raw.Count, figures.Daily.Sum(d => d.Count));
        Assert.True(raw.Count > 0);
        Assert.True(raw.Count < (await RawAsync(Township, period.From, period.To)).Count);
        Assert.All(figures.Comparisons.ByPlace, p => Assert.StartsWith("/T001/S002/C", p.Key));
        Assert.All(figures.Grids, g => Assert.DoesNotContain(g.Code, station1Grids));
        Assert.NotEmpty(figures.Grids);
        Assert.All(figures.Response.ByPlace, p => Assert.StartsWith("/T001/S002/", p.Key));
        Assert.All(figures.Disputes, d => Assert.StartsWith("/T001/S002/", d.Key));
        Assert.Equal(raw.Count, figures.Comparisons.ByCategory.Sum(c => c.Current));
    }

    [Fact]
    public async Task A_category_filter_counts_that_category_only()
    {
        var (first, _, period) = Days(18, 3);
        await SeedAsync("category", first, 3, await OneGridPerStationAsync());

        var figures = await Charts.AllAsync(Township, period, "dispute");

        var raw = (await RawAsync(Township, period.From, period.To)).Where(r => r.Category == "dispute").ToList();
        Assert.Equal(["dispute"], figures.Comparisons.ByCategory.Select(c => c.Key));
        Assert.Equal(raw.Count, figures.Daily.Sum(d => d.Count));
        Assert.Equal(raw.Count, figures.Grids.Sum(g => g.Alarms));
    }
}
