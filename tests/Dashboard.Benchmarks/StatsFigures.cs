using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks;

/// <summary>One figure a screen shows, asked the app's way (buckets) and by GROUP BY over the raw alarms; both answer as text.</summary>
public sealed record StatsFigure(string Name, Func<Task<string>> FromBuckets, Func<Task<string>> FromRaw);

internal sealed class StatsFigures(BenchDatabase db, LocalCalendar calendar, TimeProvider clock)
{
    private readonly AlarmCounts _counts = new(db, calendar);
    private ResponseTimes Responses => new(db, _counts);
    private readonly CaseBuckets _cases = new(db, calendar);
    private KpiQueries Kpi => new(_counts, Responses, _cases, calendar);
    private ChartQueries Charts => new(_counts, Responses, _cases, new JurisdictionMap(db), calendar, clock);

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
        yield return new StatsFigure("KPI backlog: open / red / supervised disputes, open warnings", async () => (await _cases.BacklogAsync(scope)).ToString(),
            () => RawBacklogAsync(scope));
        var quarter = PeriodChoice.Custom(today.AddDays(-90), today.AddDays(-1)).Resolve(calendar);
        yield return new StatsFigure("last 90 days, response median + P90", async () => (await Responses.SummaryAsync(scope, quarter)).ToString(),
            () => RawResponsesAsync(scope, quarter));
        yield return new StatsFigure("chart: 90 days per day + same days last year",
            async () => string.Join(";", (await Charts.DailyAsync(scope, quarter, null)).Select(d => $"{d.Count}/{d.SameDayLastYear}")),
            async () =>
            {
                var (now, ago) = (await RawPerLocalDayAsync(scope, quarter), await RawPerLocalDayAsync(scope, quarter.LastYear(calendar)));
                var first = DateOnly.FromDateTime(calendar.ToLocal(quarter.From).DateTime);
                return string.Join(";", Enumerable.Range(0, 90).Select(first.AddDays)
                    .Select(d => $"{now.GetValueOrDefault(d.DayNumber)}/{ago.GetValueOrDefault(d.AddYears(-1).DayNumber)}"));
            });
        yield return new StatsFigure("chart: 90 days by weekday × hour",
            async () => string.Join(";", (await Charts.HourOfWeekAsync(scope, quarter, null)).Counts.SelectMany(day => day)),
            async () =>
            {
                var cells = await RawSqlAsync(scope, quarter, $"(({Local} / {HourUnits}) % 168)");
                return string.Join(";", Enumerable.Range(0, 168).Select(i => cells.GetValueOrDefault(i)));
            });
        yield return new StatsFigure("chart: 90 days per grid (hot areas)",
            async () => string.Join(";", (await Charts.GridsAsync(scope, quarter, null)).OrderBy(g => g.Code).Select(g => g.Alarms)),
            async () =>
            {
                var perGrid = await RawSqlAsync(scope, quarter, "CAST(substr(GridCode, 2) AS INTEGER)");
                return string.Join(";", perGrid.OrderBy(g => g.Key).Select(g => g.Value));
            });
        yield return new StatsFigure("chart: 90 days 同比/环比 by station",
            async () => string.Join(";", (await Charts.ComparisonsAsync(scope, quarter, null)).ByPlace.Select(p => $"{p.Current}/{p.Previous}/{p.LastYear}")),
            async () =>
            {
                var station = "CAST(substr(StationCode, 2) AS INTEGER)";
                var (now, before, ago) = (await RawSqlAsync(scope, quarter, station), await RawSqlAsync(scope, quarter.Previous, station),
                    await RawSqlAsync(scope, quarter.LastYear(calendar), station));
                return string.Join(";", now.Keys.Order().Select(k => $"{now[k]}/{before.GetValueOrDefault(k)}/{ago.GetValueOrDefault(k)}"));
            });
        yield return new StatsFigure("chart: whole statistics page, 90 days", async () => (await Charts.AllAsync(scope, quarter, null)).Grids.Sum(g => g.Alarms).ToString(),
            async () => (await RawSqlAsync(scope, quarter, "0")).Values.Sum().ToString());
    }

    // Stored times are (UTC ticks / 1000) << 11 in SQLite; the local day and hour are integer arithmetic on that number
    // (Asia/Shanghai is UTC+8 all year). This is the GROUP BY a report writer would write against the raw table.
    private const string Local = "((ReceivedAt >> 11) + 288000000)";
    private const long HourUnits = 36_000_000, DayUnits = 864_000_000;

    // Day numbers since 0001-01-01, like DateOnly.DayNumber.
    private Task<Dictionary<long, int>> RawPerLocalDayAsync(JurisdictionScope scope, Period period) =>
        RawSqlAsync(scope, period, $"({Local} / {DayUnits})");

    private async Task<Dictionary<long, int>> RawSqlAsync(JurisdictionScope scope, Period period, string key)
    {
        await using var context = db.CreateDbContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {key} AS k, COUNT(*) FROM Alarms WHERE JurisdictionPath LIKE $scope AND ReceivedAt >= $from AND ReceivedAt < $to GROUP BY k";
        var time = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
        foreach (var (name, value) in new (string, object)[] { ("$scope", scope.Path + "%"), ("$from", time.ConvertToProvider(period.From)!), ("$to", time.ConvertToProvider(period.To)!) })
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            command.Parameters.Add(parameter);
        }
        var result = new Dictionary<long, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result[reader.GetInt64(0)] = reader.GetInt32(1);
        return result;
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

    private async Task<string> RawBacklogAsync(JurisdictionScope scope)
    {
        await using var context = db.CreateDbContext();
        var open = context.Disputes.AsNoTracking().InScope(scope).Where(d => d.Status != DisputeStatus.Closed);
        return new CaseBacklog(await open.CountAsync(), await open.CountAsync(d => d.Risk == RiskColor.Red), await open.CountAsync(d => d.SupervisedAt != null),
            await context.Warnings.AsNoTracking().InScope(scope).CountAsync(w => w.State != WarningState.Closed)).ToString();
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
