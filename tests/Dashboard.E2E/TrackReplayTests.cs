using System.Net.Http.Json;
using Dashboard.Web.Tests;

namespace Dashboard.E2E;

public sealed class TrackReplayTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private async Task PostTrackAsync(string unit, int fixes)
    {
        var (lat, lon, _, _) = await app.InsideGridAsync("G001");
        var start = DateTimeOffset.UtcNow.AddMinutes(-fixes);
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DashboardAppFactory.ApiKey);
        var batch = Enumerable.Range(0, fixes).Select(i => new
        {
            unitCode = unit, at = start.AddMinutes(i), lat = lat + i * 0.0004, lon = lon + i * 0.0003, speedKmh = 30.0, heading = 40.0,
        });
        (await api.PostAsJsonAsync("api/v1/positions", batch)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_chief_replays_a_units_track_from_the_address_bar()
    {
        await PostTrackAsync("S001-PC04", 12);
        var page = await browser.NewPageAsync(app.BaseAddress, 1600, 900);
        await new LoginPage(page).SignInAsync("chief1", DashboardAppFactory.Password, "/track?unit=S001-PC04&hours=1");
        await LoginPage.WaitForInteractivityAsync(page);

        await page.Locator("[data-testid=track-points]", new() { HasText = "12 个定位点" }).WaitForAsync();
        await page.Locator("[data-testid=track-play]:not([disabled])").ClickAsync();
        await page.Locator("[data-testid=track-at]").WaitForAsync();
        Assert.Contains("回放时刻", await page.Locator("[data-testid=track-at]").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("track-replay") });
    }

    [Fact]
    public async Task Another_stations_chief_sees_no_track_for_that_unit()
    {
        await PostTrackAsync("S001-PC05", 5);
        var page = await browser.NewPageAsync(app.BaseAddress, 1600, 900);
        await new LoginPage(page).SignInAsync("chief2", DashboardAppFactory.Password, "/track?unit=S001-PC05&hours=1");
        await LoginPage.WaitForInteractivityAsync(page);
        await page.Locator("[data-testid=track-points]", new() { HasText = "该时段没有定位记录" }).WaitForAsync();
    }
}
