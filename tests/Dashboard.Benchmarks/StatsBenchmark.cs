using System.Diagnostics;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Reports;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Dashboard.Web;
using Dashboard.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Benchmarks;

public sealed record QueryTiming(string Figure, double BucketP50Millis, double BucketMaxMillis, double RawP50Millis, double RawOverBuckets, bool SameFigures);

public sealed record StatsBenchReport(
    int Alarms, double SeedSeconds, double BucketRebuildSeconds, int BucketRows, IReadOnlyList<QueryTiming> Queries,
    double ReportBuildMillis, double ReportDocumentsMillis, int Samples);

/// <summary>
/// Statistics at scale: the figures screens ask for, read from the buckets as the app does, against the same figures by
/// GROUP BY over the raw alarms, in one run; and one month's report built with a year of data behind it.
/// </summary>
public sealed class StatsBenchmark(BenchOptions options)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 6, 30, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task<StatsBenchReport> RunAsync()
    {
        var dir = Directory.CreateTempSubdirectory("dashboard-bench-stats-").FullName;
        try
        {
            var db = new BenchDatabase(Path.Combine(dir, "bench.db"));
            var calendar = new LocalCalendar(Zone, new FakeTimeProvider(Now));
            var watch = Stopwatch.StartNew();
            var history = new StatsHistory(db, Now.AddDays(-400), Now, options.HistoryAlarms);
            await history.SeedAsync();
            var seedSeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"seeded {options.HistoryAlarms:N0} alarms and a year of cases in {seedSeconds:0.0} s");

            watch.Restart();
            await new AlarmBuckets(db, calendar).RebuildAsync(Now.AddDays(-401), Now);
            await new CaseBuckets(db, calendar).RebuildAsync(Now.AddDays(-401), Now);
            var rebuildSeconds = watch.Elapsed.TotalSeconds;
            await using var context = db.CreateDbContext();
            var bucketRows = await context.AlarmBuckets.CountAsync();
            Console.WriteLine($"buckets rebuilt from the raw rows in {rebuildSeconds:0.0} s: {bucketRows:N0} rows");

            var township = new JurisdictionScope(history.Nodes.Single(n => n.Level == JurisdictionLevel.Township).Path);
            var figures = new StatsFigures(db, calendar, new FakeTimeProvider(Now));
            var timings = new List<QueryTiming>();
            foreach (var figure in figures.All(township))
            {
                var timing = await TimeAsync(figure);
                timings.Add(timing);
                Console.WriteLine($"  {timing.Figure}: buckets p50 {timing.BucketP50Millis:0.0} ms, raw p50 {timing.RawP50Millis:0.0} ms");
            }

            var reports = new MonthlyReportBuilder(db, new AlarmCounts(db, calendar), calendar);
            var node = history.Nodes.Single(n => n.Level == JurisdictionLevel.Township);
            var month = ReportMonth.Of(calendar.Now).Previous;
            await reports.BuildAsync(node, month); // warm-up: the first query of each shape is compiled
            watch.Restart();
            var content = await reports.BuildAsync(node, month);
            var buildMillis = watch.Elapsed.TotalMilliseconds;
            var documents = Documents(calendar, db);
            var report = new MonthlyReport
            {
                Month = month.ToString(), JurisdictionCode = node.Code, JurisdictionName = node.Name, JurisdictionPath = node.Path,
                ContentJson = MonthlyReport.Serialize(content), GeneratedAt = Now, GeneratedBy = "bench",
            };
            watch.Restart();
            var sizes = documents.Render(report, ReportFormat.Docx).Bytes.Length + documents.Render(report, ReportFormat.Xlsx).Bytes.Length;
            var documentMillis = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine($"report {month}: built in {buildMillis:N0} ms, .docx + .xlsx ({sizes / 1024:N0} KB) rendered in {documentMillis:N0} ms; "
                + $"disputes found {content[ReportSection.Disputes].Counts.Found:N0}, alarms {content.Alarms.Total:N0}");
            return new StatsBenchReport(options.HistoryAlarms, seedSeconds, rebuildSeconds, bucketRows, timings, buildMillis, documentMillis, options.Samples);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private async Task<QueryTiming> TimeAsync(StatsFigure figure)
    {
        var (bucketAnswer, rawAnswer) = (await figure.FromBuckets(), await figure.FromRaw()); // warm-up, and the check
        var (buckets, raw) = (new List<double>(), new List<double>());
        for (var i = 0; i < options.Samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await figure.FromBuckets();
            buckets.Add(watch.Elapsed.TotalMilliseconds);
            if (i >= options.FullScanSamples) continue;
            watch.Restart();
            await figure.FromRaw();
            raw.Add(watch.Elapsed.TotalMilliseconds);
        }
        buckets.Sort();
        raw.Sort();
        return new QueryTiming(figure.Name, buckets[buckets.Count / 2], buckets[^1], raw[raw.Count / 2], raw[raw.Count / 2] / buckets[buckets.Count / 2],
            bucketAnswer == rawAnswer);
    }

    private static ReportDocuments Documents(LocalCalendar calendar, BenchDatabase db)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new ReportDocuments(services.GetRequiredService<IStringLocalizer<SharedResource>>(), calendar, new JurisdictionMap(db));
    }

    public static void Print(StatsBenchReport r)
    {
        Console.WriteLine();
        Console.WriteLine($"history: {r.Alarms:N0} alarms (seeded in {r.SeedSeconds:0} s); buckets: {r.BucketRows:N0} rows, rebuilt in {r.BucketRebuildSeconds:0.0} s");
        Console.WriteLine($"{"figure",-44} {"buckets p50",12} {"max",8} {"raw GROUP BY p50",17} {"ratio",8}  same  target ≤ 50 ms");
        foreach (var q in r.Queries)
            Console.WriteLine($"{q.Figure,-44} {q.BucketP50Millis,9:0.0} ms {q.BucketMaxMillis,5:0} ms {q.RawP50Millis,14:0.0} ms {q.RawOverBuckets,7:0}×  {(q.SameFigures ? "yes" : "NO ")}   {(q.BucketP50Millis <= 50 ? "met" : "NOT met")}");
        Console.WriteLine($"monthly report with a year of data: built in {r.ReportBuildMillis:N0} ms, documents rendered in {r.ReportDocumentsMillis:N0} ms"
            + $"  [target ≤ 10,000 ms: {(r.ReportBuildMillis + r.ReportDocumentsMillis <= 10_000 ? "met" : "NOT met")}]");
    }
}
