using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>Debian's Chromium driven by Playwright; screenshots go to TestResults/screenshots at the top of the repository.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1920, int height = 1080)
    {
        var context = await Chromium.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public static string ScreenshotPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        _playwright?.Dispose();
    }
}
