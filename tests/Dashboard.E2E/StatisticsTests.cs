using Dashboard.Core.Displays;
using Dashboard.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>The app with over a year of demo alarms, so the charts have a last year to compare with.</summary>
public sealed class YearOfHistoryApp : LiveApp
{
    protected override int HistoryDays => 400;
}

/// <summary>A page object for the statistics charts, each drawn by Plotly in the browser.</summary>
public sealed class StatisticsCharts(IPage page)
{
    public static readonly string[] Desk = ["chart-daily", "chart-grids", "chart-hours", "chart-response", "chart-response-places", "chart-disputes", "chart-warnings"];
    public static readonly string[] Wall = ["daily-trend", "hot-periods"];

    public async Task WaitForAsync(IEnumerable<string> charts)
    {
        foreach (var chart in charts) await page.Locator($"[data-testid={chart}] .js-plotly-plot .main-svg").First.WaitForAsync();
    }

    public Task<bool> OverflowsAsync(bool vertically) => page.EvaluateAsync<bool>(
        "v => document.documentElement.scrollWidth > innerWidth || (v && document.documentElement.scrollHeight > innerHeight)", vertically);
}

public sealed class StatisticsTests(YearOfHistoryApp app, Browser browser) : IClassFixture<YearOfHistoryApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_leader_opens_the_statistics_and_every_chart_is_drawn_with_chinese_labels()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        var elsewhere = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal)) elsewhere.Add(request.Url); };
        await new LoginPage(page).SignInAsync("leader", DashboardAppFactory.Password, "/statistics");
        await LoginPage.WaitForInteractivityAsync(page);
        var charts = new StatisticsCharts(page);

        await charts.WaitForAsync(StatisticsCharts.Desk);

        Assert.Contains("本期", await page.Locator("[data-testid=chart-daily]").InnerTextAsync());
        Assert.Contains("去年同日", await page.Locator("[data-testid=chart-daily]").InnerTextAsync());
        Assert.True(await page.Locator("[data-testid=table-by-place] tbody tr").CountAsync() >= 2);
        Assert.False(await charts.OverflowsAsync(vertically: false));
        Assert.Empty(elsewhere); // plotly.js is served by the app and fetches nothing from the internet
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("statistics-leader-1920x1080") });
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("statistics-leader-full"), FullPage = true });

        // A grid names itself and its rate under the pointer.
        await page.Locator("[data-testid=chart-grids] .nsewdrag").First.HoverAsync();
        Assert.Contains("起/千人", await page.Locator("[data-testid=chart-grids] .hovertext").First.TextContentAsync());
        await page.Locator("[data-testid=card-grids]").ScreenshotAsync(new() { Path = Browser.ScreenshotPath("statistics-grid-hover") });

        // The rate switch is kept in the address, so a reload shows the same map.
        await page.Locator("[data-testid=grid-rate] >> text=每平方公里警情").ClickAsync();
        // The switch changes the address in place (no page load), so poll the address rather than wait for a navigation.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/statistics\?rate=km2$"));
        await page.ReloadAsync();
        await charts.WaitForAsync(["chart-grids"]);
        Assert.Contains("km2", page.Url);
    }

    [Fact]
    public async Task A_station_chief_compares_the_communities_of_his_own_station()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync("chief2", DashboardAppFactory.Password, "/statistics?period=last7days");
        await LoginPage.WaitForInteractivityAsync(page);

        await new StatisticsCharts(page).WaitForAsync(StatisticsCharts.Desk);

        Assert.Contains("按社区（村） 同比/环比", await page.InnerTextAsync("[data-testid=card-by-place]"));
        Assert.DoesNotContain("青湖派出所", await page.InnerTextAsync("[data-testid=statistics]"));
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("statistics-chief2-full"), FullPage = true });
    }

    [Fact]
    public async Task The_wall_statistics_scene_draws_its_charts_dark_within_1920x1080()
    {
        var token = await app.Services.GetRequiredService<DisplayTokenService>().CreateAsync("统计大屏", "T001", [KioskScene.Statistics], 60, "admin");
        var kiosk = new KioskScreen(await browser.NewPageAsync(app.BaseAddress));
        await kiosk.OpenAsync(token);

        await new StatisticsCharts(kiosk.Page).WaitForAsync(StatisticsCharts.Wall);

        Assert.False(await kiosk.OverflowsAsync());
        await kiosk.Page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("kiosk-statistics-charts-1920x1080") });
    }
}
