using System.Net.Http.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>A page object for one case: its number, timeline and the step forms on it.</summary>
public sealed class CasePage(IPage page)
{
    public ILocator Step(string name) => page.Locator("[data-testid=case-timeline] li", new() { HasText = name });

    public async Task FillAsync(string testId, string text) =>
        await page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}]").First.FillAsync(text);

    /// <summary>Clicks a step's button and waits for the step to appear in the timeline.</summary>
    public async Task DoAsync(string button, string timelineEntry)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Step(timelineEntry).WaitForAsync();
    }
}

public sealed class DisputeFlowTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task A_case_is_registered_routed_mediated_closed_by_the_chief_and_visited_afterwards()
    {
        var officer = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(officer).SignInAsync("officer1", DashboardAppFactory.Password, "/disputes/new");
        await LoginPage.WaitForInteractivityAsync(officer);
        var form = new CasePage(officer);
        await form.FillAsync("intake-description", "邻居装修噪音扰民，双方多次争吵");
        await form.FillAsync("party-name-0", "韩某某");
        await form.FillAsync("party-name-1", "杨某");
        // The place is picked on the map; the grid it falls in decides where the case belongs.
        var gridCode = await PickPlaceInsideAGridAsync(officer);
        await officer.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("dispute-intake") });
        await officer.GetByRole(AriaRole.Button, new() { Name = "登记受理" }).ClickAsync();

        var caseNumber = (await officer.Locator("[data-testid=case-number]").InnerTextAsync()).Trim();
        Assert.Matches(@"^JF-\d{4}-\d{6}$", caseNumber);
        await form.Step("登记受理").WaitForAsync();
        Assert.Contains(gridCode, await officer.Locator("[data-testid=case-place]").InnerTextAsync());
        await form.FillAsync("route-person", "朱某");
        await form.DoAsync("分流", "分流");
        await form.FillAsync("mediator", "朱某");
        await form.DoAsync("保存调处记录", "调处");
        await form.FillAsync("closure-result", "双方达成协议：施工限定时段");
        await form.DoAsync("申请结案", "申请结案");
        Assert.Equal(0, await officer.Locator("[data-testid=review-panel]").CountAsync());

        var chief = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(chief).SignInAsync("chief1", DashboardAppFactory.Password, "/disputes/review");
        await LoginPage.WaitForInteractivityAsync(chief);
        await chief.Locator("[data-testid=dispute-table] tbody tr", new() { HasText = caseNumber }).ClickAsync();
        await new CasePage(chief).DoAsync("同意结案", "同意结案");

        // The officer's open page follows the chief's decision live, then records the follow-up visit.
        await form.Step("同意结案").WaitForAsync();
        await form.DoAsync("保存回访", "回访");
        Assert.Contains("已结案", await officer.Locator(".mud-main-content").InnerTextAsync());
        await officer.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("dispute-flow-closed") });

        await officer.GotoAsync("/disputes");
        await officer.Locator("[data-testid=dispute-table] tbody tr", new() { HasText = caseNumber }).WaitForAsync();
        await officer.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("dispute-list") });
    }

    private async Task<string> PickPlaceInsideAGridAsync(IPage page)
    {
        // A grid of the officer's own station: a place outside his jurisdiction is refused.
        var station1Grid = await app.QueryAsync(db => db.Jurisdictions
            .Where(n => n.Level == JurisdictionLevel.Grid && n.Path.StartsWith("/T001/S001/")).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync());
        var (lat, lon, gridCode, _) = await app.InsideGridAsync(station1Grid);
        var map = page.Locator("[data-testid=location-map].pa-picking");
        await map.WaitForAsync();
        // Leaflet answers where on the element a point is; the test clicks there as a user would.
        var at = await map.EvaluateAsync<double[]>("(el, p) => el.paMap.containerPointOf(p[0], p[1])",
            new[] { lat, lon });
        await map.ClickAsync(new() { Position = new() { X = (float)at[0], Y = (float)at[1] } });
        await page.Locator("[data-testid=location-grid]", new() { HasText = gridCode }).WaitForAsync();
        return gridCode;
    }

    [Fact]
    public async Task One_click_turns_a_dispute_alarm_into_a_case_that_keeps_the_link_both_ways()
    {
        var (lat, lon, _, _) = await app.InsideGridAsync();
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DashboardAppFactory.ApiKey);
        (await api.PostAsJsonAsync("api/v1/alarms", new
        {
            externalId = "110-flow-1", receivedAt = DateTimeOffset.UtcNow, category = "dispute", subcategory = "dispute.labor",
            summary = "工地讨薪纠纷（流程测试）", location = new { lat, lon }, parties = new[] { new { name = "秦某某", phone = "13600002222" } },
        })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync("leader", DashboardAppFactory.Password, "/?q=110-flow-1");
        await LoginPage.WaitForInteractivityAsync(page);

        await page.Locator("[data-testid=alarm-table] tbody tr", new() { HasText = "流程测试" }).Locator("[data-testid=to-case] button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "红色" }).ClickAsync();

        await page.Locator("[data-testid=case-number]").WaitForAsync();
        Assert.Contains("工地讨薪纠纷（流程测试）", await page.Locator("[data-testid=case-description]").InnerTextAsync());
        Assert.Contains("秦**", await page.Locator("[data-testid=case-parties]").InnerTextAsync());
        var alarm = await app.QueryAsync(db => db.Alarms.SingleAsync(a => a.ExternalId == "110-flow-1"));
        var dispute = await app.QueryAsync(db => db.Disputes.SingleAsync(d => d.AlarmId == alarm.Id));
        Assert.Equal(dispute.Id, alarm.DisputeId);
        Assert.Equal(Dashboard.Core.Disputes.RiskColor.Red, dispute.Risk);
        Assert.EndsWith($"/disputes/{dispute.Id}", page.Url);
    }

    [Fact]
    public async Task The_leader_lists_the_cases_and_downloads_the_ledger()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync("leader", DashboardAppFactory.Password, "/disputes");
        await LoginPage.WaitForInteractivityAsync(page);
        await page.Locator("[data-testid=dispute-row]").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("dispute-list") });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("导出台账").ClickAsync());

        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        // The same request with the page's sign-in cookie: the body is a workbook (a zip, "PK").
        var file = await page.Context.APIRequest.GetAsync("/disputes/ledger.xlsx");
        var bytes = await file.BodyAsync();
        Assert.True(bytes.Length > 1000);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }
}
