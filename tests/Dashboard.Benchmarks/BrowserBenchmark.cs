using System.Diagnostics;
using Dashboard.Simulator.Posting;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks;

public sealed record BrowserReport(
    string Machine, DateTimeOffset RunAt, BenchOptions Options, int Units, double FramesPerSecond,
    double HeapOnePageMb, double HeapManyPagesMb, double HeapLaterMb, double RssOnePageMb, double RssManyPagesMb, int ExtraPages, double MbPerWallCircuit, string MemoryMethod,
    long PositionsAccepted, IReadOnlyList<TargetCheck> Targets);

/// <summary>Mode "browser": Chromium on /wall while every unit reports once a second; frame rate of the wall, and what
/// each further open wall costs the server.</summary>
public sealed class BrowserBenchmark(BenchOptions options)
{
    private const string MemoryMethod =
        "server live managed heap after an induced full GC (EventPipe heap collection, as dotnet-gcdump does), 10 s after the " +
        "pages settled, with 1 wall page open and then with N more (each its own browser context, signed in as leader, map " +
        "drawn, units moving): (heap_many − heap_one − drift) / N, where drift is the growth over as long again with nothing " +
        "opened (heap_later − heap_many). RSS is printed beside it for reference.";

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

        var (heapOne, rssOne) = await SettledMemoryAsync(server);
        var opening = Stopwatch.StartNew();
        for (var i = 0; i < options.WallPages; i++) await OpenWallAsync(chromium, server.BaseUrl);
        var openTime = opening.Elapsed;
        var (heapMany, rssMany) = await SettledMemoryAsync(server);
        // The process also grows by itself (JIT, caches, units' state) while the walls open: measured again after as long
        // a stretch with nothing opened, and that growth taken off the walls' figure.
        await Task.Delay(openTime);
        var (heapLater, _) = await SettledMemoryAsync(server);
        var drift = heapLater - heapMany;
        var perCircuit = options.WallPages > 0 ? (heapMany - heapOne - drift) / options.WallPages : 0;
        Console.WriteLine($"server live heap {heapOne:0.0} MB with 1 wall, {heapMany:0.0} MB with {options.WallPages + 1} " +
            $"(RSS {rssOne:0} → {rssMany:0} MB), {heapLater:0.0} MB after {openTime.TotalSeconds:0} s more with nothing opened");

        await stop.CancelAsync();
        await load;
        return new BrowserReport(Environment.ProcessorCount + " cores, " + Environment.OSVersion, DateTimeOffset.UtcNow, options,
            world.UnitCount, fps, heapOne, heapMany, heapLater, rssOne, rssMany, options.WallPages, Math.Round(perCircuit, 2), MemoryMethod, driver.Measured.PositionsAccepted,
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
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync("/wall");
        await page.FillAsync("#userName", "leader");
        await page.FillAsync("#password", AppServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await page.Locator("[data-testid=live-map] canvas").First.WaitForAsync(new() { Timeout = 120_000 });
        return page;
    }

    private static async Task<(double HeapMb, double RssMb)> SettledMemoryAsync(ServerProcess server)
    {
        await Task.Delay(TimeSpan.FromSeconds(10));
        return (await LiveHeap.MeasureMbAsync(server.Pid), server.Meter.RssMb());
    }

    public static void Print(BrowserReport r)
    {
        Console.WriteLine();
        Console.WriteLine($"bench-live browser — {r.Machine}; {r.Units} units at 1 Hz, Chromium 1920×1080 on /wall as leader");
        foreach (var t in r.Targets)
            Console.WriteLine($"  [{(t.Met ? "met" : "MISSED"),6}] {t.What,-48} {t.Measured,8:0.##}  target {t.Target}");
        Console.WriteLine($"  memory method: {r.MemoryMethod}");
        Console.WriteLine($"  live heap: {r.HeapOnePageMb:0.0} MB with one wall, {r.HeapManyPagesMb:0.0} MB with {r.ExtraPages + 1}, " +
            $"{r.HeapLaterMb:0.0} MB as long again later; " +
            $"RSS {r.RssOnePageMb:0} → {r.RssManyPagesMb:0} MB");
    }
}
