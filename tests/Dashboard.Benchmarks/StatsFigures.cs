using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks;

/// <summary>One figure a screen shows, asked the app's way (buckets) and by GROUP BY over the raw alarms; both answer as text.</summary>
public sealed record StatsFigure(string Name, Func<Task<string>> FromBuckets, Func<Task<string>> FromRaw);

internal sealed class StatsFigures(BenchDatabase db, LocalCalendar calendar, TimeProvider clock)
{
    private readonly AlarmCounts _counts = new(db, calendar);
    private ResponseTimes Responses => new(db, _counts);
    private KpiQueries Kpi => new(db, _counts, Responses, calendar, clock);

    public IEnumerable<StatsFigure> All(JurisdictionScope scope)
    {
        var today = DateOnly.FromDateTime(calendar.Now.DateTime);
        var now = clock.GetUtcNow();
        foreach (var (name, period) in new[]
        {
            ("KPI today so far, 环比 + 同比 by category", PeriodChoice.Today.Resolve(calendar).Until(now)),
            ("KPI this month, 环比 + 同比 by category", new PeriodChoice(PeriodKind.ThisMonth).Resolve(calendar).Until(now)),
            ("last 90 days, 环比 + 同比 by category", PeriodChoice.Custom(today.AddDays(-90), today.AddDays(-1)).Resolve(calendar)),
            ("last 365 days, 环比 + 同比 by category", PeriodChoice.Custom(today.AddDays(-365), today.AddDays(-1)).Resolve(calendar)),
        })
            yield return new StatsFigure(name, async () => Text(await Kpi.CompareAsync(scope, period)), () => RawComparisonAsync(scope, period));
        var quarter = PeriodChoice.Custom(today.AddDays(-90), today.AddDays(-1)).Resolve(calendar);
        yield return new StatsFigure("last 90 days, response median + P90", async () => (await Responses.SummaryAsync(scope, quarter)).ToString(),
            () => RawResponsesAsync(scope, quarter));
    }

    /// <summary>The same summary from every row's own times, put into whole minutes as the histogram has them.</summary>
    private async Task<string> RawResponsesAsync(JurisdictionScope scope, Period period)
    {
        await using var context = db.CreateDbContext();
        var rows = await context.Alarms.AsNoTracking().InScope(scope).Where(a => a.ReceivedAt >= period.From && a.ReceivedAt < period.To && a.OnSceneAt != null)
            .Select(a => new { a.ReceivedAt, a.OnSceneAt }).ToListAsync();
        var histogram = new ResponseHistogram();
        foreach (var row in rows)
            if (ResponseBucket.MinuteOf(row.ReceivedAt, row.OnSceneAt!.Value) is { } minute) histogram.Add(minute, 1);
        return new ResponseSummary(histogram.Percentile(0.5), histogram.Percentile(0.9), histogram.Count).ToString();
    }

    private async Task<string> RawComparisonAsync(JurisdictionScope scope, Period period)
    {
        var (current, previous, lastYear) = (await RawByCategoryAsync(scope, period), await RawByCategoryAsync(scope, period.Previous),
            await RawByCategoryAsync(scope, period.LastYear(calendar)));
        return Text(AlarmCategories.All.Select(c => new CategoryComparison(c, current.GetValueOrDefault(c), previous.GetValueOrDefault(c), lastYear.GetValueOrDefault(c))));
    }

    private async Task<Dictionary<string, int>> RawByCategoryAsync(JurisdictionScope scope, Period period)
    {
        await using var context = db.CreateDbContext();
        return await context.Alarms.AsNoTracking().InScope(scope).Where(a => a.ReceivedAt >= period.From && a.ReceivedAt < period.To)
            .GroupBy(a => a.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    private static string Text<T>(IEnumerable<T> rows) => string.Join(";", rows);
}
