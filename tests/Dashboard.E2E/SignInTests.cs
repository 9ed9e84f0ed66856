using System.Net.Http.Json;
using Dashboard.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>A page object for the sign-in form.</summary>
public sealed class LoginPage(IPage page)
{
    /// <summary>Opens <paramref name="path"/>, which sends an anonymous visitor to the form, and signs in.</summary>
    public async Task SignInAsync(string user, string password, string path = "/")
    {
        await page.GotoAsync(path);
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Pages are prerendered: typing before the circuit is live would be lost.</summary>
    public static Task WaitForInteractivityAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}

public sealed class SignInTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_leader_signs_in_and_sees_the_live_overview_in_chinese()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("text=用户登录");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("login") });

        await new LoginPage(page).SignInAsync("leader", DashboardAppFactory.Password);

        await page.WaitForSelectorAsync("[data-testid=current-user] >> text=镇综治中心主任");
        await page.WaitForSelectorAsync("[data-testid=alarm-table] tbody tr");
        await LoginPage.WaitForInteractivityAsync(page);
        Assert.Equal(new Uri(app.BaseAddress, "/").ToString(), page.Url);
        Assert.Contains("警情列表", await page.InnerTextAsync("body"));
        Assert.True(await page.Locator("[data-testid=alarm-table] tbody tr").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("home-leader"), FullPage = false });
    }

    [Fact]
    public async Task An_alarm_posted_through_the_api_appears_on_an_open_overview_without_reload()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync("chief1", DashboardAppFactory.Password);
        await LoginPage.WaitForInteractivityAsync(page);
        var (lat, lon, _, _) = await app.InsideGridAsync((await app.QueryAsync(db => db.Jurisdictions
            .Where(n => n.Path.StartsWith("/T001/S001/") && n.Level == Core.Jurisdictions.JurisdictionLevel.Grid)
            .Select(n => n.Code).FirstAsync())));

        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DashboardAppFactory.ApiKey);
        var posted = await api.PostAsJsonAsync("api/v1/alarms", new
        {
            externalId = "e2e-live-1", receivedAt = DateTimeOffset.UtcNow, category = "criminal", subcategory = "theft.ebike",
            summary = "<script>alert(1)</script>电动车被盗", location = new { lat, lon },
        });
        Assert.True(posted.IsSuccessStatusCode);

        var row = page.Locator("[data-testid=alarm-table] tbody tr", new() { HasText = "电动车被盗" });
        await row.WaitForAsync();
        Assert.Contains("<script>alert(1)</script>", await row.InnerTextAsync());
    }

    [Fact]
    public async Task A_wrong_password_shows_the_reason_on_the_form()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, 1280, 800);
        await new LoginPage(page).SignInAsync("leader", "not-the-password");
        var error = await page.WaitForSelectorAsync("[data-testid=login-error]");
        Assert.Equal("用户名或密码错误", (await error!.InnerTextAsync()).Trim());
    }
}
