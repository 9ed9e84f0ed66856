using System.Diagnostics;
using Dashboard.Core.Jurisdictions;
using Dashboard.Simulator.Posting;

namespace Dashboard.Benchmarks;

/// <summary>Mode "ingest": the app and then a bare hub take the same load with the same listening clients.</summary>
internal sealed class IngestBenchmark(BenchOptions options)
{
    private const string MeasuredPrefix = "bench-m";

    public async Task<IngestReport> RunAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "dashboard-bench-" + Environment.ProcessId);
        IngestRun app;
        BenchWorld world;
        await using (var server = await AppServer.StartAsync(options, dataDir))
        {
            using var http = NewHttpClient();
            var api = new DashboardApiClient(http, server.BaseUrl, AppServer.ApiKey);
            var (reference, outcome) = await api.GetReferenceAsync(CancellationToken.None);
            world = new BenchWorld(reference ?? throw new InvalidOperationException("reference: " + outcome.Describe()));
            Console.WriteLine($"app up at {server.BaseUrl} with {world.UnitCount} units; measuring…");
            app = await MeasureAsync("app", server, api, world, AppServer.DatabasePath(dataDir));
        }
        var self = typeof(IngestBenchmark).Assembly.Location;
        IngestRun bare;
        // The bare hub runs with the app's garbage collector settings (server GC, no DATAS, 2 MB large-object threshold),
        // not the benchmark's own.
        var appGc = new Dictionary<string, string>
        {
            ["DOTNET_gcServer"] = "1", ["DOTNET_GCDynamicAdaptationMode"] = "0", ["DOTNET_GCLOHThreshold"] = "0x200000",
        };
        await using (var host = await ServerProcess.StartAsync(self, ["--mode", "serve-bare", "--positions", options.PackedPositions ? "packed" : "json"], appGc, 0, TimeSpan.FromMinutes(1)))
        {
            using var http = NewHttpClient();
            Console.WriteLine($"bare hub up at {host.BaseUrl}; measuring…");
            bare = await MeasureAsync("bare SignalR hub", host, new DashboardApiClient(http, host.BaseUrl, "none"), world, null);
        }
        Directory.Delete(dataDir, recursive: true);
        return IngestTargets.Report(options, app, bare);
    }

    private async Task<IngestRun> MeasureAsync(string name, ServerProcess server, DashboardApiClient api, BenchWorld world, string? databasePath)
    {
        var log = new SendLog();
        await using var listeners = new HubListeners(log);
        await listeners.ConnectAsync(server.BaseUrl, AppServer.ApiKey, options.Clients, options.PackedPositions, CancellationToken.None);
        var driver = new LoadDriver(api, world, log, options);
        using var stop = new CancellationTokenSource();
        var load = driver.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        var cpuBefore = server.Meter.CpuTime();
        var loadCpuBefore = Environment.CpuUsage.TotalTime;
        var windowStart = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        driver.Measuring = true;
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        driver.Measuring = false;
        var window = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var windowEnd = DateTimeOffset.UtcNow;
        var cpu = (server.Meter.CpuTime() - cpuBefore).TotalSeconds / window;
        var loadCpu = (Environment.CpuUsage.TotalTime - loadCpuBefore).TotalSeconds / window;
        await stop.CancelAsync();
        await load;
        await DrainAsync(listeners);

        var tally = driver.Measured;
        Throughput? durable = null;
        if (databasePath is not null)
        {
            var (positions, alarms) = await DurableCounts.ReadAsync(databasePath, windowStart, windowEnd, MeasuredPrefix);
            durable = new Throughput(positions / window, alarms / window);
        }
        var clients = Math.Max(1, listeners.Connected);
        return new IngestRun(name, Math.Round(window, 2), listeners.Connected,
            new Throughput(tally.PositionsAccepted / window, tally.AlarmsAccepted / window), durable,
            new Throughput(listeners.PositionsReceived / window / clients, listeners.AlarmsReceived / window / clients),
            Ratio(listeners.PositionsReceived, tally.PositionsAccepted * clients), Ratio(listeners.AlarmsReceived, tally.AlarmsAccepted * clients),
            listeners.AlarmFromAccepted.Figures(), listeners.AlarmFromSent.Figures(),
            listeners.PositionFromAccepted.Figures(), listeners.PositionFromSent.Figures(),
            Math.Round(cpu, 2), Math.Round(loadCpu, 2), Math.Round(server.Meter.PeakRssMb(), 1), tally.FailedPosts, tally.BatchesWithProblems);
    }

    /// <summary>Messages for the last posts are still on their way when posting stops; wait until the counts settle.</summary>
    private static async Task DrainAsync(HubListeners listeners)
    {
        var deadline = Stopwatch.GetTimestamp() + 15 * Stopwatch.Frequency;
        long last = -1;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var now = listeners.PositionsReceived + listeners.AlarmsReceived;
            if (now == last) return;
            last = now;
            await Task.Delay(1000);
        }
    }

    private static double Ratio(long received, long expected) => expected == 0 ? 0 : Math.Round((double)received / expected, 4);

    private static HttpClient NewHttpClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { Timeout = TimeSpan.FromSeconds(60) };
}
