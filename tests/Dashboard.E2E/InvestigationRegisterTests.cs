using Dashboard.Core.Disputes;
using Dashboard.Core.Investigations;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Dashboard.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class InvestigationRegisterTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task A_chief_finds_a_recorded_hazard_in_the_register_starts_work_on_it_and_resolves_it()
    {
        var chief = new CaseActor("chief1", new JurisdictionScope("/T001/S001/"), new HashSet<string> { Roles.StationChief });
        var recorded = (await app.Services.GetRequiredService<InvestigationRegister>().RecordAsync(new InvestigationInput(
            "Safety", "fire", "渭南村3组老旧仓库", "仓库内堆放<b>易燃</b>杂物，消防通道堵塞", true, "派出所", "刘某",
            DateTimeOffset.UtcNow.AddDays(7), DateTimeOffset.UtcNow, "S001"), chief)).Value!;

        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync("chief1", DashboardAppFactory.Password, "/investigations");
        await LoginPage.WaitForInteractivityAsync(page);
        await page.Locator("[data-testid=investigation-table] tbody tr", new() { HasText = recorded.Number }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("investigations-list") });

        await page.Locator("[data-testid=investigation-table] tbody tr", new() { HasText = recorded.Number }).ClickAsync();
        Assert.Contains("<b>易燃</b>", await page.Locator("[data-testid=investigation-description]").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "开始整改" }).ClickAsync();
        await page.Locator("[data-testid=investigation-actions] input").FillAsync("已清理杂物，打通消防通道");
        await page.GetByRole(AriaRole.Button, new() { Name = "整改销号" }).ClickAsync();
        await page.Locator(".mud-main-content", new() { HasText = "已销号" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("investigation-item") });

        await page.GotoAsync("/investigations/new");
        await page.Locator("[data-testid=investigation-new-kind]").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("investigation-new") });
    }
}
