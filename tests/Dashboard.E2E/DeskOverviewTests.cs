using System.Net.Http.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>A page object for the desk overview's filter bar and alarm list.</summary>
public sealed class DeskOverviewPage(IPage page)
{
    public ILocator SearchBox => page.Locator("[data-testid=filter-search] input, input[data-testid=filter-search]").First;
    public ILocator StationFilter => page.Locator("[data-testid=filter-station]");
    public ILocator Rows => page.Locator("[data-testid=alarm-table] [data-testid=alarm-row]");
    public ILocator Row(string text) => page.Locator("[data-testid=alarm-table] tbody tr", new() { HasText = text });

    public async Task SearchAsync(string text)
    {
        await SearchBox.FillAsync(text);
        await SearchBox.PressAsync("Enter");
        // The filter lands in the URL by history.pushState: no page load to wait for, so poll the address instead.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]q="));
    }
}

public sealed class DeskOverviewTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private async Task PostAsync(string externalId, string stationPrefix, string summary)
    {
        var grid = await app.QueryAsync(db => db.Jurisdictions
            .Where(n => n.Path.StartsWith(stationPrefix) && n.Level == JurisdictionLevel.Grid).Select(n => n.Code).FirstAsync());
        var (lat, lon, _, _) = await app.InsideGridAsync(grid);
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DashboardAppFactory.ApiKey);
        var posted = await api.PostAsJsonAsync("api/v1/alarms", new
        {
            externalId, receivedAt = DateTimeOffset.UtcNow, category = "criminal", subcategory = "theft.ebike", summary,
            address = "青湖路88号", location = new { lat, lon }, callerPhone = "13912345678",
        });
        Assert.True(posted.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_station_chief_searches_his_own_alarms_and_cannot_reach_another_station_through_the_address()
    {
        await PostAsync("desk-e2e-s1", "/T001/S001/", "电瓶车被盗 100%确认");
        await PostAsync("desk-e2e-s2", "/T001/S002/", "东港电瓶车被盗");
        var page = await browser.NewPageAsync(app.BaseAddress);
        var desk = new DeskOverviewPage(page);
        await new LoginPage(page).SignInAsync("chief1", DashboardAppFactory.Password);
        await LoginPage.WaitForInteractivityAsync(page);
        await desk.Rows.First.WaitForAsync();
        Assert.Equal(0, await desk.StationFilter.CountAsync());

        await desk.SearchAsync("DESK-E2E-S"); // the external ids, whatever their case

        await Expect(desk.Rows).ToHaveCountAsync(1);
        Assert.Contains("139****5678", await desk.Row("100%确认").InnerTextAsync());
        Assert.DoesNotContain("13912345678", await page.ContentAsync());

        await page.GotoAsync("/?station=S002&q=desk-e2e-s&category=nonsense&status=7&period=custom&from=2030-01-01&to=2020-01-01");
        await LoginPage.WaitForInteractivityAsync(page);
        await desk.Row("100%确认").WaitForAsync();
        await Expect(desk.Rows).ToHaveCountAsync(1);
        Assert.Equal(0, await desk.Row("东港").CountAsync());
        Assert.Equal("desk-e2e-s", await desk.SearchBox.InputValueAsync());
    }

    [Fact]
    public async Task A_leader_chooses_among_all_stations_and_the_overview_fits_1920_wide()
    {
        await PostAsync("desk-e2e-leader", "/T001/S002/", "东港码头货物被盗");
        var page = await browser.NewPageAsync(app.BaseAddress);
        var desk = new DeskOverviewPage(page);
        await new LoginPage(page).SignInAsync("leader", DashboardAppFactory.Password);
        await LoginPage.WaitForInteractivityAsync(page);
        await desk.Rows.First.WaitForAsync();
        Assert.Equal(1, await desk.StationFilter.CountAsync());
        await Expect(page.Locator("[data-testid=desk-kpis] .mud-chip")).ToHaveCountAsync(7);
        await Expect(page.Locator("[data-testid=kpi-alarms]")).Not.ToHaveTextAsync("0");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("desk-overview") });
        var overflowX = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth");
        Assert.False(overflowX);

        await page.GotoAsync("/?station=S002&q=码头");
        await LoginPage.WaitForInteractivityAsync(page);
        await Expect(desk.Rows).ToHaveCountAsync(1);
        await desk.Row("东港码头货物被盗").WaitForAsync();
    }
}
