using System.Net.Http.Json;
using Dashboard.Core.Displays;
using Dashboard.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>A page object for a kiosk screen: opened by its URL alone, in a browser that never signed in.</summary>
public sealed class KioskScreen(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync(string token)
    {
        await page.GotoAsync("/kiosk/" + token);
        await LoginPage.WaitForInteractivityAsync(page);
    }

    public ILocator TickerItem(string text) => page.Locator("[data-testid=alarm-ticker] li", new() { HasText = text });

    public Task<bool> OverflowsAsync() =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth");

    /// <summary>Posts an alarm through the public API, as the 110 system would.</summary>
    public static async Task PostAlarmAsync(LiveApp app, string externalId, string summary)
    {
        var (lat, lon, _, _) = await app.InsideGridAsync();
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DashboardAppFactory.ApiKey);
        var posted = await api.PostAsJsonAsync("api/v1/alarms", new
        {
            externalId, receivedAt = DateTimeOffset.UtcNow, category = "public_order", priority = 2, summary, location = new { lat, lon },
        });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
    }
}

public sealed class KioskTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private DisplayTokenService Tokens => app.Services.GetRequiredService<DisplayTokenService>();

    [Fact]
    public async Task An_admin_creates_a_display_link_that_shows_the_live_wall_without_signing_in()
    {
        var admin = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(admin).SignInAsync("admin", DashboardAppFactory.Password, "/admin/displays");
        await LoginPage.WaitForInteractivityAsync(admin);
        await admin.Locator("input[data-testid=display-name]").FillAsync("一楼大厅");
        // Scenes rotate by the clock: keep only the overview so the screen is predictable.
        foreach (var scene in new[] { "全屏地图", "统计分析", "矛盾纠纷" })
            await admin.Locator("label", new() { HasText = scene }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建展示链接" }).ClickAsync();
        var url = (await admin.Locator("[data-testid=display-url]").InnerTextAsync()).Trim();
        await admin.Locator("[data-testid=display-table]", new() { HasText = "一楼大厅" }).WaitForAsync();
        Assert.StartsWith(new Uri(app.BaseAddress, "/kiosk/pad_").ToString(), url);
        Assert.Contains("Overview", (await Tokens.ListAsync()).Single(t => t.Name == "一楼大厅").Scenes);
        Assert.DoesNotContain("Map", (await Tokens.ListAsync()).Single(t => t.Name == "一楼大厅").Scenes);

        var kiosk = new KioskScreen(await browser.NewPageAsync(app.BaseAddress));
        await kiosk.OpenAsync(new Uri(url).AbsolutePath["/kiosk/".Length..]);
        await kiosk.Page.Locator("[data-testid=kiosk] [data-testid=live-map] canvas").First.WaitForAsync();
        Assert.Equal(url, kiosk.Page.Url);
        Assert.Equal("none", await kiosk.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.pa-wall')).cursor"));
        Assert.Equal(0, await kiosk.Page.Locator("nav, .mud-appbar, .mud-drawer").CountAsync());

        await KioskScreen.PostAlarmAsync(app, "kiosk-live-1", "甲号广场<script>alert(1)</script>聚众斗殴");
        var item = kiosk.TickerItem("聚众斗殴");
        await item.WaitForAsync();
        Assert.Contains("<script>alert(1)</script>", await item.InnerTextAsync());
        Assert.False(await kiosk.OverflowsAsync());
        await kiosk.Page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("kiosk-overview-1920x1080") });
    }

    [Fact]
    public async Task A_revoked_link_goes_dark_at_once_on_an_open_screen_and_is_refused_afterwards()
    {
        var token = await Tokens.CreateAsync("值班室", "T001", [KioskScene.Overview], 30, "admin");
        var kiosk = new KioskScreen(await browser.NewPageAsync(app.BaseAddress));
        await kiosk.OpenAsync(token);
        await kiosk.Page.Locator("[data-testid=kiosk]").WaitForAsync();
        var id = (await Tokens.ListAsync()).Single(t => t.Name == "值班室").Id;

        await Tokens.RevokeAsync(id, "admin");

        await kiosk.Page.Locator("[data-testid=kiosk-refused]").WaitForAsync();
        Assert.Equal(0, await kiosk.Page.Locator("[data-testid=kiosk]").CountAsync());
        var again = new KioskScreen(await browser.NewPageAsync(app.BaseAddress));
        await again.OpenAsync(token);
        Assert.Contains("已被吊销", await again.Page.Locator("[data-testid=kiosk-refused]").InnerTextAsync());
        Assert.Equal(0, await again.Page.Locator("[data-testid=kiosk]").CountAsync());
    }

    [Theory]
    [InlineData(KioskScene.Map, "[data-testid=live-map] canvas")]
    [InlineData(KioskScene.Statistics, "[data-testid=hot-periods] .js-plotly-plot .main-svg")]
    [InlineData(KioskScene.Disputes, "[data-testid=dispute-backlog]")]
    public async Task Every_scene_fills_1920x1080_without_scrolling(KioskScene scene, string content)
    {
        var token = await Tokens.CreateAsync("场景 " + scene, "T001", [scene], 60, "admin");
        var kiosk = new KioskScreen(await browser.NewPageAsync(app.BaseAddress));
        await kiosk.OpenAsync(token);
        await kiosk.Page.Locator($"[data-testid=kiosk][data-scene={scene}]").WaitForAsync();
        await kiosk.Page.Locator(content).First.WaitForAsync();
        await kiosk.Page.Locator("[data-testid=freshness]").WaitForAsync();

        Assert.False(await kiosk.OverflowsAsync());
        await kiosk.Page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"kiosk-{scene.ToString().ToLowerInvariant()}-1920x1080") });
    }
}

public sealed class KioskRestartTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task After_a_server_restart_the_kiosk_shows_live_data_again_without_any_action()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("dashboard-kiosk-").FullName;
        var port = LiveApp.FreePort();
        try
        {
            var first = new LiveApp(port, dataDirectory);
            var token = await first.Services.GetRequiredService<DisplayTokenService>()
                .CreateAsync("指挥室", "T001", [KioskScene.Overview], 60, "admin");
            var kiosk = new KioskScreen(await browser.NewPageAsync(first.BaseAddress));
            await kiosk.OpenAsync(token);
            await kiosk.Page.Locator("[data-testid=live-map] canvas").First.WaitForAsync();

            await first.DisposeAsync();
            await kiosk.Page.Locator("#pa-kiosk-offline").WaitForAsync(new() { State = WaitForSelectorState.Visible });
            await using var second = new LiveApp(port, dataDirectory);

            // Nobody touches the page: it finds the new server, reloads, and is live again.
            await kiosk.Page.Locator("#pa-kiosk-offline").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 90_000 });
            await LoginPage.WaitForInteractivityAsync(kiosk.Page);
            await kiosk.Page.Locator("[data-testid=live-map] canvas").First.WaitForAsync();
            await KioskScreen.PostAlarmAsync(second, "after-restart-1", "重启后的第一条警情");
            await kiosk.TickerItem("重启后的第一条警情").WaitForAsync();
            Assert.Equal(1, await kiosk.Page.Locator("[data-testid=kiosk]").CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
