using System.Diagnostics;
using Dashboard.Simulator.Posting;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks;

public sealed record BrowserReport(
    string Machine, DateTimeOffset RunAt, BenchOptions Options, int Units, double FramesPerSecond,
    double RssOnePageMb, double RssManyPagesMb, int ExtraPages, double MbPerWallCircuit, string MemoryMethod,
    long PositionsAccepted, IReadOnlyList<TargetCheck> Targets);

/// <summary>Mode "browser": Chromium on /wall while every unit reports once a second; frame rate of the wall, and what
/// each further open wall costs the server.</summary>
public sealed class BrowserBenchmark(BenchOptions options)
{
    private const string MemoryMethod =
        "server RSS (median of 5 samples 1 s apart, after 15 s settling) with 1 wall page open, then with N more wall pages " +
        "(each its own browser context, signed in as leader, map drawn); (RSS_many − RSS_one) / N. RSS includes garbage not yet " +
        "collected, so this is an upper bound on the managed state each circuit holds.";

    public async Task<BrowserReport> RunAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "dashboard-bench-browser-" + Environment.ProcessId);
        await using var server = await AppServer.StartAsync(options, dataDir);
        using var http = new HttpClient();
        var api = new DashboardApiClient(http, server.BaseUrl, AppServer.ApiKey);
        var (reference, outcome) = await api.GetReferenceAsync(CancellationToken.None);
        var world = new BenchWorld(reference ?? throw new InvalidOperationException("reference: " + outcome.Describe()));
        var driver = new LoadDriver(api, world, new SendLog(), options) { Measuring = true };
        using var stop = new CancellationTokenSource();
        var load = driver.RunAsync(stop.Token);
        Console.WriteLine($"app up at {server.BaseUrl} with {world.UnitCount} units moving at {options.PositionsPerSecond} positions/s");

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // The background flags keep pages that are not in front from being throttled while they are counted.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-background-timer-throttling",
                    "--disable-backgrounding-occluded-windows", "--disable-renderer-backgrounding"],
        });
        var wall = await OpenWallAsync(chromium, server.BaseUrl);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var fps = await wall.EvaluateAsync<double>(
            "async ms => (await import('/shared/js/frame-rate.js')).measureFrameRate(ms, () => false)", options.Seconds * 1000);
        await wall.ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(options.Output)!, "bench-wall.png") });
        Console.WriteLine($"wall: {fps:0.#} frames/s over {options.Seconds} s");

        var rssOne = await SettledRssAsync(server.Meter);
        for (var i = 0; i < options.WallPages; i++) await OpenWallAsync(chromium, server.BaseUrl);
        var rssMany = await SettledRssAsync(server.Meter);
        var perCircuit = options.WallPages > 0 ? (rssMany - rssOne) / options.WallPages : 0;
        Console.WriteLine($"server RSS {rssOne:0} MB with 1 wall, {rssMany:0} MB with {options.WallPages + 1}");

        await stop.CancelAsync();
        await load;
        return new BrowserReport(Environment.ProcessorCount + " cores, " + Environment.OSVersion, DateTimeOffset.UtcNow, options,
            world.UnitCount, fps, rssOne, rssMany, options.WallPages, Math.Round(perCircuit, 2), MemoryMethod, driver.Measured.PositionsAccepted,
            [
                new("wall frames per second (requestAnimationFrame)", "≥ 30", fps, fps >= 30),
                new("server memory per open wall circuit", "≤ 1 MB", Math.Round(perCircuit, 2), perCircuit <= 1),
            ]);
    }

    private static async Task<IPage> OpenWallAsync(IBrowser chromium, Uri baseUrl)
    {
        var context = await chromium.NewContextAsync(new()
        {
            BaseURL = baseUrl.ToString(), ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/wall");
        await page.FillAsync("#userName", "leader");
        await page.FillAsync("#password", AppServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await page.Locator("[data-testid=live-map] canvas").First.WaitForAsync(new() { Timeout = 120_000 });
        return page;
    }

    private static async Task<double> SettledRssAsync(ProcessMeter meter)
    {
        await Task.Delay(TimeSpan.FromSeconds(15));
        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            samples.Add(meter.RssMb());
            await Task.Delay(1000);
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }

    public static void Print(BrowserReport r)
    {
        Console.WriteLine();
        Console.WriteLine($"bench-live browser — {r.Machine}; {r.Units} units at 1 Hz, Chromium 1920×1080 on /wall as leader");
        foreach (var t in r.Targets)
            Console.WriteLine($"  [{(t.Met ? "met" : "MISSED"),6}] {t.What,-48} {t.Measured,8:0.##}  target {t.Target}");
        Console.WriteLine($"  memory method: {r.MemoryMethod}");
        Console.WriteLine($"  RSS: {r.RssOnePageMb:0} MB with one wall, {r.RssManyPagesMb:0} MB with {r.ExtraPages + 1}");
    }
}
