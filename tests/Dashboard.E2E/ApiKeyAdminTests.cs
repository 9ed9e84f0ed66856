using System.Net;
using System.Net.Http.Json;
using Dashboard.Web.Tests;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class ApiKeyAdminTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task An_admin_creates_a_key_that_works_once_shown_and_revokes_it_at_once()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, 1600, 900);
        await new LoginPage(page).SignInAsync("admin", DashboardAppFactory.Password);
        await page.WaitForSelectorAsync("text=接口密钥管理");
        await LoginPage.WaitForInteractivityAsync(page);

        await page.Locator("input[data-testid=key-name], [data-testid=key-name] input").First.FillAsync("12345热线");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建密钥" }).ClickAsync();
        var secret = (await page.Locator("[data-testid=new-secret]").InnerTextAsync()).Trim();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("admin-api-keys") });

        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("api/v1/reference")).StatusCode);

        var row = page.Locator("tr", new() { HasText = "12345热线" });
        await row.GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await row.Locator("text=已吊销").WaitForAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("api/v1/reference")).StatusCode);
    }
}
