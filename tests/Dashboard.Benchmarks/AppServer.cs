namespace Dashboard.Benchmarks;

/// <summary>Starts the Release build of Dashboard.Web on a fresh SQLite file with the demo township and a known key.</summary>
public static class AppServer
{
    public const string ApiKey = "pak_benchmark_0123456789abcdef0123456789abcdef";
    public const string Password = "Bench-Pass-2026!";

    public static string DatabasePath(string dataDir) => Path.Combine(dataDir, "bench.db");

    public static Task<ServerProcess> StartAsync(BenchOptions options, string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        foreach (var file in Directory.GetFiles(dataDir, "bench.db*")) File.Delete(file);
        var dll = Path.Combine(options.RepoRoot, "src", "Dashboard.Web", "bin", "Release", "net10.0", "Dashboard.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("build Release first (scripts/bench-live.sh does)", dll);
        var environment = new Dictionary<string, string>
        {
            // Development so framework static files resolve from the build output (the browser mode needs them).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            // The project folder, as under dotnet run: the shared front-end folder (/shared) is found beside it.
            ["ASPNETCORE_CONTENTROOT"] = Path.Combine(options.RepoRoot, "src", "Dashboard.Web"),
            ["ConnectionStrings__Dashboard"] = "Data Source=" + DatabasePath(dataDir),
            ["Demo__Seed"] = "true",
            ["Demo__HistoryDays"] = "0",
            ["Demo__Simulator"] = "false",
            ["Demo__Units"] = options.Units.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo__Password"] = Password,
            ["Demo__ApiKey"] = ApiKey,
            // The per-key rate limit protects a real server from one runaway upstream; here it would cap the figure we measure.
            ["Api__RateLimit__PermitsPerSecond"] = "100000",
            ["Api__RateLimit__Burst"] = "100000",
            ["Logging__Directory"] = Path.Combine(dataDir, "logs"),
        };
        return ServerProcess.StartAsync(dll, [], environment, options.Port, TimeSpan.FromMinutes(3));
    }
}
