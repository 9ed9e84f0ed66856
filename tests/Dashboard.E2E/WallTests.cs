using System.Net.Http.Json;
using Dashboard.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class WallTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private async Task<IPage> OpenWallAsync(int width, int height)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width, height);
        await new LoginPage(page).SignInAsync("leader", DashboardAppFactory.Password, "/wall");
        await LoginPage.WaitForInteractivityAsync(page);
        await page.Locator("[data-testid=live-map] canvas").First.WaitForAsync();
        return page;
    }

    [Fact]
    public async Task A_posted_alarm_reaches_the_wall_ticker_and_the_wall_fits_1920x1080_without_scrolling()
    {
        var page = await OpenWallAsync(1920, 1080);
        var (lat, lon, _, _) = await app.InsideGridAsync();
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DashboardAppFactory.ApiKey);
        var posted = await api.PostAsJsonAsync("api/v1/alarms", new
        {
            externalId = "wall-1", receivedAt = DateTimeOffset.UtcNow, category = "dispute", subcategory = "dispute.neighbor",
            priority = 1, summary = "邻居<img src=x onerror=alert(1)>因噪音争吵", location = new { lat, lon },
            callerPhone = "13812345678", parties = new[] { new { name = "施某某", phone = "13812345678" } },
        });
        Assert.True(posted.IsSuccessStatusCode);

        var item = page.Locator("[data-testid=alarm-ticker] li", new() { HasText = "因噪音争吵" });
        await item.WaitForAsync();
        Assert.Contains("<img src=x onerror=alert(1)>", await item.InnerTextAsync());
        await item.ClickAsync();
        var detail = page.Locator("[data-testid=alarm-detail]");
        await detail.WaitForAsync();
        Assert.Equal("138****5678", (await page.Locator("[data-testid=detail-caller]").InnerTextAsync()).Trim());
        Assert.Contains("施**", await page.Locator("[data-testid=detail-parties]").InnerTextAsync());
        Assert.DoesNotContain("13812345678", await page.ContentAsync());

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth");
        Assert.False(overflow);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("wall-1920x1080") });
    }

    [Fact]
    public async Task A_posted_position_moves_the_unit_on_the_wall_map()
    {
        var page = await OpenWallAsync(1920, 1080);
        var code = await app.QueryAsync(db => db.Units.OrderBy(u => u.Id).Select(u => u.Code).FirstAsync());
        var (lat, lon, _, _) = await app.InsideGridAsync("G002");
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DashboardAppFactory.ApiKey);

        var posted = await api.PostAsJsonAsync("api/v1/positions", new[]
        {
            new { unitCode = code, at = DateTimeOffset.UtcNow, lat, lon, speedKmh = 30.0, heading = 90.0 },
        });
        Assert.True(posted.IsSuccessStatusCode);

        // The map keeps positions as float32 (about a metre); the unit moving at 30 km/h is patrolling (3).
        await page.WaitForFunctionAsync(
            "([code, lat, lon]) => { const p = document.querySelector('[data-testid=live-map]').paMap?.unitPosition(code); " +
            "return p && Math.abs(p.lat - lat) < 1e-4 && Math.abs(p.lon - lon) < 1e-4 && p.status === 3; }",
            new object[] { code, lat, lon });
        Assert.True(await page.EvaluateAsync<int>("() => document.querySelector('[data-testid=live-map]').paMap.unitCount()") >= 1);
    }

    [Fact]
    public async Task The_wall_scales_to_4k_without_scrolling()
    {
        var page = await OpenWallAsync(3840, 2160);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth");
        Assert.False(overflow);
        var rem = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
        Assert.Equal(32, rem, 1);
    }
}
