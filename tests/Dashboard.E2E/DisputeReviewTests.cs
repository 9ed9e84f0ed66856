using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Dashboard.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class DisputeReviewTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private static readonly JurisdictionScope Township = new("/T001/");

    private async Task<string> AwaitingReviewInStation1Async()
    {
        var staff = new CaseActor("staff1", Township, new HashSet<string> { Roles.Staff });
        var intake = app.Services.GetRequiredService<DisputeIntake>();
        var workflow = app.Services.GetRequiredService<DisputeWorkflow>();
        var created = (await intake.RegisterAsync(new DisputeInput(null, null, null, "Property", "Yellow", "小区物业费<script>alert(1)</script>纠纷",
            "青湖花园3幢", null, "S001", 40, [new PartyInput("褚某某", "320507198001011231", "13900001111", "业主代表")]),
            DisputeSource.Staff, "staff1", Township)).Value!;
        await workflow.RouteAsync(created.Id, "村（社区）调委会", "卫某", "副镇长 蒋某", staff);
        await workflow.RecordMediationAsync(created.Id, new MediationRecord
        {
            At = DateTimeOffset.UtcNow, Mediator = "卫某", Method = MediationMethod.InPerson, Outcome = MediationOutcome.Success, Agreement = "物业减免两个月费用",
        }, staff);
        await workflow.RequestClosureAsync(created.Id, "双方签订调解协议", staff);
        return created.CaseNumber;
    }

    [Fact]
    public async Task A_station_chief_finds_the_case_in_his_review_queue_and_approves_its_closure()
    {
        var caseNumber = await AwaitingReviewInStation1Async();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync("chief1", DashboardAppFactory.Password, "/disputes/review");
        await LoginPage.WaitForInteractivityAsync(page);
        await page.Locator("[data-testid=review-badge]").WaitForAsync();

        var row = page.Locator("[data-testid=dispute-table] tbody tr", new() { HasText = caseNumber });
        await row.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("dispute-review-queue") });
        await row.ClickAsync();

        await page.Locator("[data-testid=case-number]", new() { HasText = caseNumber }).WaitForAsync();
        Assert.Contains("<script>alert(1)</script>", await page.Locator("[data-testid=case-description]").InnerTextAsync());
        var parties = await page.Locator("[data-testid=case-parties]").InnerTextAsync();
        Assert.Contains("褚**", parties);
        Assert.Contains("139****1111", parties);
        Assert.DoesNotContain("13900001111", await page.ContentAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "同意结案" }).ClickAsync();

        await page.Locator("[data-testid=case-timeline] li", new() { HasText = "同意结案" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=review-panel]").CountAsync());
        Assert.Contains("已结案", await page.Locator(".mud-main-content").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("dispute-case") });
    }

    [Fact]
    public async Task Another_stations_chief_cannot_open_the_case_and_the_chief_is_told_live_when_it_is_supervised()
    {
        var caseNumber = await AwaitingReviewInStation1Async();
        var id = (await app.Services.GetRequiredService<DisputeQueries>().SearchAsync(Township, new DisputeFilter(Text: caseNumber), 0, 1)).Items.Single();

        var other = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(other).SignInAsync("chief2", DashboardAppFactory.Password, $"/disputes/{id.Id}");
        await LoginPage.WaitForInteractivityAsync(other);
        await other.GetByText("案件不存在，或不在您的辖区内。").WaitForAsync();
        Assert.Equal(0, await other.Locator("[data-testid=case-number]").CountAsync());

        var chief = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(chief).SignInAsync("chief1", DashboardAppFactory.Password, "/disputes");
        await LoginPage.WaitForInteractivityAsync(chief);
        // What the supervision job publishes once a case passes its deadline (the scan itself is tested with a controlled clock).
        app.Services.GetRequiredService<Dashboard.Core.Live.ILiveBus>()
            .Publish(new DisputeChanged(id.Id, caseNumber, "/T001/S001/", DisputeStatus.ClosureRequested, "supervise", "卫某"));

        await chief.GetByText($"案件 {caseNumber} 已超期，已记督办").WaitForAsync();
        Assert.Equal(0, await other.GetByText($"案件 {caseNumber} 已超期").CountAsync());
    }
}
