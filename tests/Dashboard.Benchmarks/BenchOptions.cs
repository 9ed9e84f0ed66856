using System.Globalization;

namespace Dashboard.Benchmarks;

public enum BenchMode { Ingest, Browser, ServeBare, Warnings, Stats }

/// <summary>Command-line settings; every figure the run is asked to reach has a flag with the target as default.</summary>
public sealed record BenchOptions(
    BenchMode Mode,
    int Clients,
    int PositionsPerSecond,
    int AlarmsPerSecond,
    int Seconds,
    int WarmupSeconds,
    int Units,
    int AlarmBatch,
    int Port,
    int WallPages,
    int HistoryAlarms,
    int Samples,
    int FullScanSamples,
    int RepeatPercent,
    bool PackedPositions,
    string Output,
    string RepoRoot)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
            values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        int Int(string name, int fallback) => values.Remove(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        string Text(string name, string fallback) => values.Remove(name, out var v) ? v : fallback;

        var mode = Text("mode", "ingest") switch
        {
            "ingest" => BenchMode.Ingest,
            "browser" => BenchMode.Browser,
            "serve-bare" => BenchMode.ServeBare,
            "warnings" => BenchMode.Warnings,
            "stats" => BenchMode.Stats,
            var other => throw new ArgumentException($"--mode must be ingest, browser, warnings or stats, not '{other}'"),
        };
        var browser = mode == BenchMode.Browser;
        var root = Text("repo", FindRepoRoot());
        var options = new BenchOptions(
            mode,
            Clients: Int("clients", browser ? 0 : 200),
            PositionsPerSecond: Int("positions-per-sec", browser ? 5000 : 20_000),
            AlarmsPerSecond: Int("alarms-per-sec", browser ? 1 : 1000),
            // A whole minute holds exactly one run of the minute's warning scan, wherever the window starts.
            Seconds: Int("seconds", browser ? 20 : 60),
            // Steady state: under full load the JIT is still recompiling hot paths (tiered PGO) for the first ~30 s, about a
            // sixth of the server's CPU then (perf, 10–30 s after start), and the first warning scan under load compiles
            // its queries; a minute covers both.
            WarmupSeconds: Int("warmup", 60),
            Units: Int("units", 5000),
            AlarmBatch: Int("alarm-batch", 100),
            Port: Int("port", 0),
            WallPages: Int("wall-pages", 20),
            HistoryAlarms: Int("history", mode == BenchMode.Stats ? 10_000_000 : 1_000_000),
            Samples: Int("samples", mode == BenchMode.Stats ? 20 : 2000),
            FullScanSamples: Int("full-scan-samples", mode == BenchMode.Stats ? 5 : 50),
            RepeatPercent: Int("repeat-percent", 5),
            // How hub clients take positions: packed bytes (what a screen following thousands of units would ask for) or JSON objects.
            PackedPositions: Text("positions", "packed") switch
            {
                "packed" => true,
                "json" => false,
                var other => throw new ArgumentException($"--positions must be packed or json, not '{other}'"),
            },
            Output: Text("out", Path.Combine(root, "TestResults", mode switch
            {
                BenchMode.Browser => "bench-browser.json",
                BenchMode.Warnings => "bench-warnings.json",
                BenchMode.Stats => "bench-stats.json",
                _ => "bench-live.json",
            })),
            RepoRoot: root);
        values.Remove("urls"); // the bare host reads it itself
        if (values.Count > 0) throw new ArgumentException("unknown option(s): " + string.Join(", ", values.Keys.Select(k => "--" + k)));
        return options;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
