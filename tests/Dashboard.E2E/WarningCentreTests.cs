using System.Net.Http.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Web.Tests;
using Dashboard.Web.Tests.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.E2E;

/// <summary>A page object for one warning: its state, timeline and step buttons.</summary>
public sealed class WarningPage(IPage page)
{
    public ILocator Step(string name) => page.Locator("[data-testid=warning-timeline] li", new() { HasText = name });

    public ILocator State => page.Locator("[data-testid=warning-state]");

    /// <summary>Clicks a step's button and waits for the step to appear in the timeline.</summary>
    public async Task DoAsync(string testId, string timelineEntry)
    {
        await page.Locator($"button[data-testid={testId}]").ClickAsync();
        await Step(timelineEntry).WaitForAsync();
    }

    public Task FeedbackAsync(string text) => page.Locator("textarea[data-testid=warning-feedback-text]").FillAsync(text);
}

public sealed class WarningCentreTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Two_calls_about_one_household_written_differently_reach_the_chiefs_desk_live_and_go_round_the_loop()
    {
        var chief = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(chief).SignInAsync("chief1", DashboardAppFactory.Password, "/");
        await LoginPage.WaitForInteractivityAsync(chief);

        var grid = await app.QueryAsync(db => db.Jurisdictions.Where(n => n.Level == JurisdictionLevel.Grid && n.Path.StartsWith("/T001/S001/"))
            .OrderBy(n => n.Code).Select(n => n.Code).FirstAsync());
        var (lat, lon, _, _) = await app.InsideGridAsync(grid);
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", DashboardAppFactory.ApiKey);
        foreach (var (id, address) in new[] { ("110-e2e-rd-1", "青湖镇红星村三组十五号"), ("110-e2e-rd-2", "红星村3组15号") })
        {
            (await api.PostAsJsonAsync("api/v1/alarms", new
            {
                externalId = id, receivedAt = DateTimeOffset.UtcNow, category = "dispute", subcategory = "dispute.neighbor",
                summary = "宅基地边界纠纷（端到端）", address, location = new { lat, lon },
            })).EnsureSuccessStatusCode();
        }

        // The desk was open before the calls came in: the warning arrives as a toast, with a chime.
        var toast = chief.Locator(".mud-snackbar", new() { HasText = "新预警：重复纠纷" });
        await toast.WaitForAsync();
        await chief.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("warning-toast") });
        await toast.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        var chiefView = new WarningPage(chief);
        await chiefView.Step("发出").WaitForAsync();
        Assert.Contains("110-e2e-rd-1", await chief.Locator("[data-testid=warning-evidence]").InnerTextAsync());
        await chiefView.DoAsync("warning-sign", "签收");

        var officer = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(officer).SignInAsync("officer1", DashboardAppFactory.Password, chief.Url);
        await LoginPage.WaitForInteractivityAsync(officer);
        var officerView = new WarningPage(officer);
        await officerView.FeedbackAsync("已约双方到村委会，划定边界");
        await officer.Locator("button[data-testid=warning-feedback]:not([disabled])").WaitForAsync();
        await officerView.DoAsync("warning-feedback", "反馈");

        await chiefView.DoAsync("warning-verify", "核处");
        Assert.Contains("已核处", await chiefView.State.InnerTextAsync());
    }

    [Fact]
    public async Task The_chief_signs_the_officer_reports_back_and_the_chief_verifies_and_closes()
    {
        var warning = await new WarningMaker(app).RepeatedDisputeAsync("S001", "晨光村2组9号", summary: "邻里因漏水多次争吵（预警测试）");

        var chief = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(chief).SignInAsync("chief1", DashboardAppFactory.Password, $"/warnings/{warning.Id}");
        await LoginPage.WaitForInteractivityAsync(chief);
        var chiefView = new WarningPage(chief);
        await chief.Locator("[data-testid=warning-map][data-ready]").WaitForAsync();
        await chief.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("warning-issued") });
        await chiefView.DoAsync("warning-sign", "签收");

        var officer = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(officer).SignInAsync("officer1", DashboardAppFactory.Password, $"/warnings/{warning.Id}");
        await LoginPage.WaitForInteractivityAsync(officer);
        var officerView = new WarningPage(officer);
        Assert.Equal(0, await officer.Locator("button[data-testid=warning-verify]").CountAsync());
        await officerView.FeedbackAsync("已上门查看，漏水已修好，双方和解");
        await officer.Locator("button[data-testid=warning-feedback]:not([disabled])").WaitForAsync();
        await officerView.DoAsync("warning-feedback", "反馈");
        await officer.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("warning-feedback") });

        // The chief's open page follows the officer's feedback live.
        await chiefView.DoAsync("warning-verify", "核处");
        await chiefView.DoAsync("warning-close", "关闭");
        Assert.Contains("已关闭", await chiefView.State.InnerTextAsync());
        await chief.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("warning-closed") });

        await chief.GotoAsync("/warnings");
        await chief.Locator("[data-testid=warning-row]", new() { HasText = "晨光村" }).WaitForAsync();
        await chief.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("warning-list") });
        await chief.GotoAsync("/warnings/stats");
        await chief.Locator("[data-testid=stats-by-model] [data-testid=figures-row]").First.WaitForAsync();
        await chief.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("warning-stats") });
        await chief.GotoAsync("/warnings/silences");
        await LoginPage.WaitForInteractivityAsync(chief);
        await chief.Locator("input[data-testid=silence-reason]").FillAsync("村委会已介入，近期集中调处");
        await chief.Locator("button[data-testid=silence-create]:not([disabled])").ClickAsync();
        await chief.Locator("[data-testid=silence-row]").First.WaitForAsync();
        await chief.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("warning-silences") });

        var admin = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(admin).SignInAsync("admin", DashboardAppFactory.Password, "/admin/warning-models");
        await admin.Locator("[data-testid=model-editor]").First.WaitForAsync();
        await admin.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("warning-models"), FullPage = true });
    }
}
