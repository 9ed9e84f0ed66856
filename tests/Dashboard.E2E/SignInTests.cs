using Dashboard.Web.Tests;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>A page object for the sign-in form.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string user, string password)
    {
        await page.GotoAsync("/");
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
        Assert.Contains("最新警情", await page.InnerTextAsync("body"));
        Assert.True(await page.Locator("[data-testid=alarm-table] tbody tr").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("home-leader"), FullPage = false });
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
