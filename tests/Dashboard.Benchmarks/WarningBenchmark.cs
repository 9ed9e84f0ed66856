using System.Diagnostics;
using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Live;
using Dashboard.Core.Time;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Benchmarks;

public sealed record WarningBenchReport(
    int HistoryAlarms, int DisputeAlarms, int RepeatPercent, double SeedSeconds, double IndexLoadMillis, int Samples, LatencySummary Engine,
    LatencySummary Quiet, LatencySummary Firing, int FullScanSamples, LatencySummary FullScan, double FullScanOverEngineAtP50,
    int WarningsIssued);

public sealed record LatencySummary(int Count, double P50Micros, double P99Micros, double MaxMicros)
{
    public static LatencySummary Of(List<double> micros)
    {
        if (micros.Count == 0) return new LatencySummary(0, 0, 0, 0);
        micros.Sort();
        double At(double q) => micros[Math.Min(micros.Count - 1, (int)Math.Ceiling(q * micros.Count) - 1)];
        return new LatencySummary(micros.Count, At(0.50), At(0.99), micros[^1]);
    }
}

/// <summary>
/// The cost of evaluating the models for one ingested dispute alarm, with a year of history behind it: the engine as the
/// app runs it (household keys stored, indexed lookups, both household models, the issuer), against the same
/// repeated-dispute question answered by scanning the last 30 days of dispute alarms.
/// </summary>
public sealed class WarningBenchmark(BenchOptions options)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    public async Task<WarningBenchReport> RunAsync()
    {
        var dir = Directory.CreateTempSubdirectory("dashboard-bench-warnings-").FullName;
        try
        {
            var db = new BenchDatabase(Path.Combine(dir, "bench.db"));
            var clock = new FakeTimeProvider(Now);
            var seed = Stopwatch.StartNew();
            var history = new WarningHistory(db, Now, options.HistoryAlarms, options.RepeatPercent);
            await history.SeedAsync();
            var seedSeconds = seed.Elapsed.TotalSeconds;
            Console.WriteLine($"seeded {options.HistoryAlarms:N0} alarms ({history.DisputeAlarms:N0} disputes) in {seedSeconds:0.0} s");

            using var issuer = new WarningIssuer(db, new InProcessLiveBus(NullLogger<InProcessLiveBus>.Instance), clock, new WriteGate(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions())));
            using var households = new HouseholdIndex(db, clock);
            var engine = new WarningEngine(db, issuer, new WarningModelSettings(db), households,
                [new RepeatedDisputeModel(), new DomesticViolenceModel()], [], clock, NullLogger<WarningEngine>.Instance);
            var load = Stopwatch.StartNew();
            await households.EnsureAsync(TimeSpan.FromDays(90)); // what the app does once, at start-up
            var loadMillis = load.Elapsed.TotalMilliseconds;

            var (all, quiet, firing, scan) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            for (var i = 0; i < options.Samples; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(3));
                var alarm = await history.NewDisputeAlarmAsync(clock.GetUtcNow(), i);
                var record = HouseholdRecord.Of(alarm);
                var watch = Stopwatch.StartNew();
                var outcomes = await engine.OnRecordedAsync(record);
                var micros = watch.Elapsed.TotalMicroseconds;
                all.Add(micros);
                (outcomes.Count == 0 ? quiet : firing).Add(micros);
                if (i % Math.Max(1, options.Samples / options.FullScanSamples) != 0) continue;
                watch.Restart();
                await FullScan.RepeatedDisputeAsync(db, alarm.Id);
                scan.Add(watch.Elapsed.TotalMicroseconds);
            }
            await using var context = db.CreateDbContext();
            var (engineSummary, scanSummary) = (LatencySummary.Of(all), LatencySummary.Of(scan));
            return new WarningBenchReport(options.HistoryAlarms, history.DisputeAlarms, options.RepeatPercent, seedSeconds, loadMillis, all.Count, engineSummary,
                LatencySummary.Of(quiet), LatencySummary.Of(firing), scan.Count, scanSummary, scanSummary.P50Micros / engineSummary.P50Micros,
                await context.Warnings.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    public static void Print(WarningBenchReport r)
    {
        Console.WriteLine();
        Console.WriteLine($"history: {r.HistoryAlarms:N0} alarms, {r.DisputeAlarms:N0} of them disputes (seeded in {r.SeedSeconds:0.0} s); "
            + $"household index loaded in {r.IndexLoadMillis:N0} ms");
        Console.WriteLine($"engine per dispute alarm ({r.Samples} samples): p50 {r.Engine.P50Micros:N0} µs, p99 {r.Engine.P99Micros:N0} µs, max {r.Engine.MaxMicros:N0} µs"
            + $"  [target p99 ≤ 1,000 µs: {(r.Engine.P99Micros <= 1000 ? "met" : "NOT met")}]");
        Console.WriteLine($"  {r.Firing.Count} of {r.Samples} fired (a household known from history: {r.RepeatPercent} %)");
        Console.WriteLine($"  nothing fired: p50 {r.Quiet.P50Micros:N0} µs, p99 {r.Quiet.P99Micros:N0} µs; "
            + $"a warning issued or repeated (database write): p50 {r.Firing.P50Micros:N0} µs, p99 {r.Firing.P99Micros:N0} µs");
        Console.WriteLine($"full scan of 30 days ({r.FullScanSamples} samples): p50 {r.FullScan.P50Micros:N0} µs, p99 {r.FullScan.P99Micros:N0} µs");
        Console.WriteLine($"full scan / engine at p50: {r.FullScanOverEngineAtP50:N0}×; warnings issued: {r.WarningsIssued}");
    }
}

/// <summary>The app's database settings on a fresh SQLite file, migrated.</summary>
internal sealed class BenchDatabase : IDbContextFactory<DashboardDbContext>
{
    private readonly DbContextOptions<DashboardDbContext> _options;

    public BenchDatabase(string path)
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DataServiceExtensions.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={path}", Path.GetDirectoryName(path)!);
        _options = builder.Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public DashboardDbContext CreateDbContext() => new(_options);
}

/// <summary>The baseline: the repeated-dispute question answered without the key index, by reading the window's dispute alarms.</summary>
internal static class FullScan
{
    public static async Task<int> RepeatedDisputeAsync(BenchDatabase factory, long alarmId)
    {
        await using var db = factory.CreateDbContext();
        var alarm = await db.Alarms.AsNoTracking().Include(a => a.Parties).SingleAsync(a => a.Id == alarmId);
        var keys = HouseholdRecord.Of(alarm).Keys.ToHashSet();
        var from = alarm.ReceivedAt.AddDays(-30).ToUniversalTime();
        var to = alarm.ReceivedAt.ToUniversalTime();
        var window = await db.Alarms.AsNoTracking().Include(a => a.Parties)
            .Where(a => a.Category == AlarmCategories.Dispute && a.ReceivedAt >= from && a.ReceivedAt <= to && a.Id != alarmId).ToListAsync();
        return window.Count(a => HouseholdRecord.Of(a).Keys.Any(keys.Contains));
    }
}
