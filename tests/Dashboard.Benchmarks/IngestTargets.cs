using System.Globalization;

namespace Dashboard.Benchmarks;

/// <summary>The issue's targets next to what was measured, and the printed summary.</summary>
public static class IngestTargets
{
    public static IngestReport Report(BenchOptions o, IngestRun app, IngestRun bare)
    {
        var positionsVsBare = Share(app.DeliveredPerClient.PositionsPerSecond, bare.DeliveredPerClient.PositionsPerSecond);
        var alarmsVsBare = Share(app.DeliveredPerClient.AlarmsPerSecond, bare.DeliveredPerClient.AlarmsPerSecond);
        var p99 = Max(app.AlarmLatencyFromAccepted.P99Ms, app.PositionLatencyFromAccepted.P99Ms);
        // Batches go out on a schedule, so a window may count one batch fewer than was offered over it: that one batch is
        // the measurement's resolution, not a shortfall.
        double Least(int target, int batch) => target - (double)batch / o.Seconds;
        List<TargetCheck> targets =
        [
            new("positions/s stored durably", "≥ 20000", app.Durable?.PositionsPerSecond,
                app.Durable?.PositionsPerSecond >= Least(20_000, LoadDriver.PositionBatch(o, o.Units))),
            new("alarms/s stored durably", "≥ 1000", app.Durable?.AlarmsPerSecond, app.Durable?.AlarmsPerSecond >= Least(1000, LoadDriver.AlarmBatch(o))),
            new($"p99 POST accepted → hub client ({app.ClientsConnected} clients)", "≤ 250 ms", p99, p99 <= 250 && app.ClientsConnected >= 200),
            new("positions delivered vs bare hub", "≥ 80 %", positionsVsBare, positionsVsBare >= 0.8),
            new("alarms delivered vs bare hub", "≥ 80 %", alarmsVsBare, alarmsVsBare >= 0.8),
        ];
        return new IngestReport(Environment.ProcessorCount + " cores, " + Environment.OSVersion, DateTimeOffset.UtcNow, o, app, bare,
            positionsVsBare, alarmsVsBare, targets);
    }

    public static void Print(IngestReport r)
    {
        var o = r.Options;
        Console.WriteLine();
        Console.WriteLine($"bench-live ingest — {r.Machine}; offered {o.PositionsPerSecond} positions/s + {o.AlarmsPerSecond} alarms/s, " +
                          $"{o.Clients} hub clients, {o.Seconds} s measured after {o.WarmupSeconds} s warm-up");
        Console.WriteLine($"{"",-38}{"app",16}{"bare hub",16}");
        Row("accepted positions/s", r.App.Accepted.PositionsPerSecond, r.Bare.Accepted.PositionsPerSecond);
        Row("accepted alarms/s", r.App.Accepted.AlarmsPerSecond, r.Bare.Accepted.AlarmsPerSecond);
        Row("stored durably positions/s (SQLite)", r.App.Durable?.PositionsPerSecond, null);
        Row("stored durably alarms/s (SQLite)", r.App.Durable?.AlarmsPerSecond, null);
        Row("delivered positions/s per client", r.App.DeliveredPerClient.PositionsPerSecond, r.Bare.DeliveredPerClient.PositionsPerSecond);
        Row("delivered alarms/s per client", r.App.DeliveredPerClient.AlarmsPerSecond, r.Bare.DeliveredPerClient.AlarmsPerSecond);
        Row("share of posted positions delivered", r.App.PositionDeliveryRatio * 100, r.Bare.PositionDeliveryRatio * 100, "%");
        Row("share of posted alarms delivered", r.App.AlarmDeliveryRatio * 100, r.Bare.AlarmDeliveryRatio * 100, "%");
        Latency("alarm latency from accepted", r.App.AlarmLatencyFromAccepted, r.Bare.AlarmLatencyFromAccepted);
        Latency("alarm latency from sent", r.App.AlarmLatencyFromSent, r.Bare.AlarmLatencyFromSent);
        Latency("position latency from accepted", r.App.PositionLatencyFromAccepted, r.Bare.PositionLatencyFromAccepted);
        Latency("position latency from sent", r.App.PositionLatencyFromSent, r.Bare.PositionLatencyFromSent);
        Row("server CPU (cores busy, of " + Environment.ProcessorCount + ")", r.App.ServerCpuCores, r.Bare.ServerCpuCores);
        Row("load generator + clients CPU (same cores)", r.App.LoadCpuCores, r.Bare.LoadCpuCores);
        Row("server peak RSS (VmHWM)", r.App.ServerPeakRssMb, r.Bare.ServerPeakRssMb, "MB");
        Row("failed posts", r.App.FailedPosts, r.Bare.FailedPosts);
        Console.WriteLine();
        Console.WriteLine("targets:");
        foreach (var t in r.Targets)
            Console.WriteLine($"  [{(t.Met ? "met" : "MISSED"),6}] {t.What,-48} {Format(t.What.Contains("vs bare", StringComparison.Ordinal) ? t.Measured * 100 : t.Measured),10}  target {t.Target}");
    }

    private static void Latency(string what, LatencyFigures app, LatencyFigures bare)
    {
        foreach (var (p, a, b) in new[] { ("p50", app.P50Ms, bare.P50Ms), ("p95", app.P95Ms, bare.P95Ms), ("p99", app.P99Ms, bare.P99Ms) })
            Row($"{what} {p}", a, b, "ms");
    }

    private static void Row(string what, double? app, double? bare, string unit = "") =>
        Console.WriteLine($"{what,-38}{Format(app) + unit,16}{Format(bare) + unit,16}");

    private static string Format(double? value) => value is { } v ? v.ToString(v >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture) : "–";

    private static double? Share(double app, double bare) => bare > 0 ? Math.Round(app / bare, 3) : null;

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
