using Dashboard.Simulator.Posting;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks;

public sealed record BrowserReport(
    string Machine, DateTimeOffset RunAt, BenchOptions Options, int Units, double FramesPerSecond,
    IReadOnlyList<MemoryPoint> OnePage, IReadOnlyList<MemoryPoint> ManyPages, int LivePages, int ExtraPages, double MbPerWallCircuit,
    double HeapMbPerWallCircuit, string MemoryMethod, long PositionsAccepted, IReadOnlyList<TargetCheck> Targets);

/// <summary>The server's memory at one moment of the run: its managed heap after a full GC, and its RSS.</summary>
public sealed record MemoryPoint(HeapFigures Heap, double RssMb);

/// <summary>Mode "browser": Chromium on /wall while every unit reports once a second; frame rate of the wall, and what
/// each further open wall costs the server.</summary>
public sealed class BrowserBenchmark(BenchOptions options)
{
    private const int Readings = 6;
    private static readonly TimeSpan ReadingEvery = TimeSpan.FromSeconds(20);

    private const string MemoryMethod =
        "server managed objects that survive an induced full GC (EventPipe heap collection, as dotnet-gcdump does), with 1 " +
        "wall page open and then with N more (each its own browser context, signed in as leader, map drawn, units moving), " +
        "each read 6 times 20 s apart once the pages are open and the last reading used: (live_many − live_one) / N. Opening " +
        "pages may leave transient objects behind (sign-in, prerendering, first map loads, idle keep-alive connections); the " +
        "readings show whether they fade. The process's own growth meanwhile is counted against the walls. The same with the heap's " +
        "size (survivors plus the free gaps between them) and RSS are printed beside it.";

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

        var one = await SettledMemoryAsync(server, "1 wall");
        var pages = new List<IPage> { wall };
        for (var i = 0; i < options.WallPages; i++) pages.Add(await OpenWallAsync(chromium, server.BaseUrl));
        var many = await SettledMemoryAsync(server, $"{pages.Count} walls");
        var live = await CountLivePagesAsync(pages);
        var perCircuit = PerWall(h => h.LiveMb);

        await stop.CancelAsync();
        await load;
        return new BrowserReport(Environment.ProcessorCount + " cores, " + Environment.OSVersion, DateTimeOffset.UtcNow, options,
            world.UnitCount, fps, one, many, live, options.WallPages, Math.Round(perCircuit, 2),
            Math.Round(PerWall(h => h.HeapMb), 2), MemoryMethod, driver.Measured.PositionsAccepted,
            [
                new("wall frames per second (requestAnimationFrame)", "≥ 30", fps, fps >= 30),
                new("server memory per open wall circuit", "≤ 1 MB", Math.Round(perCircuit, 2), perCircuit <= 1 && live == pages.Count),
            ]);

        double PerWall(Func<HeapFigures, double> figure) =>
            options.WallPages > 0 ? (figure(many[^1].Heap) - figure(one[^1].Heap)) / options.WallPages : 0;
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

    // Read a few times as the pages settle; the last reading is the one that counts.
    private static async Task<IReadOnlyList<MemoryPoint>> SettledMemoryAsync(ServerProcess server, string what)
    {
        var readings = new List<MemoryPoint>();
        for (var i = 0; i < Readings; i++)
        {
            await Task.Delay(ReadingEvery);
            readings.Add(new MemoryPoint(await LiveHeap.MeasureAsync(server.Pid), server.Meter.RssMb()));
        }
        Console.WriteLine($"server live objects with {what}, every {ReadingEvery.TotalSeconds:0} s: " +
            string.Join(", ", readings.Select(r => r.Heap.LiveMb.ToString("0.0"))) + " MB");
        return readings;
    }

    // A wall whose circuit is gone keeps its last picture: its clock stops.
    private static async Task<int> CountLivePagesAsync(IReadOnlyList<IPage> pages)
    {
        var before = await Task.WhenAll(pages.Select(p => p.Locator("[data-testid=wall-clock]").InnerTextAsync()));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var after = await Task.WhenAll(pages.Select(p => p.Locator("[data-testid=wall-clock]").InnerTextAsync()));
        return before.Zip(after).Count(x => x.First != x.Second);
    }

    public static void Print(BrowserReport r)
    {
        Console.WriteLine();
        Console.WriteLine($"bench-live browser — {r.Machine}; {r.Units} units at 1 Hz, Chromium 1920×1080 on /wall as leader");
        foreach (var t in r.Targets)
            Console.WriteLine($"  [{(t.Met ? "met" : "MISSED"),6}] {t.What,-48} {t.Measured,8:0.##}  target {t.Target}");
        Console.WriteLine($"  memory method: {r.MemoryMethod}");
        foreach (var (what, figure) in new (string, Func<MemoryPoint, double>)[]
                 { ("live objects", m => m.Heap.LiveMb), ("heap with its free gaps", m => m.Heap.HeapMb), ("RSS", m => m.RssMb) })
            Console.WriteLine($"  {what}: {figure(r.OnePage[^1]):0.0} MB with one wall, {figure(r.ManyPages[^1]):0.0} MB with " +
                $"{r.ExtraPages + 1} (readings: {string.Join(", ", r.ManyPages.Select(m => figure(m).ToString("0.0")))})");
        Console.WriteLine($"  walls still live at the end (their clocks tick): {r.LivePages} of {r.ExtraPages + 1}");
        Console.WriteLine($"  per wall counted with the heap's free gaps: {r.HeapMbPerWallCircuit:0.##} MB");
    }
}
