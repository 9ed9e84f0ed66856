using Dashboard.Core.Disputes;
using Dashboard.Core.Investigations;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Reports;
using Dashboard.Core.Security;
using Dashboard.Core.Time;
using Dashboard.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.E2E;

public sealed class MonthlyReportTests(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Staff_regenerate_last_months_report_preview_it_and_download_the_Word_file()
    {
        var reports = app.Services.GetRequiredService<MonthlyReports>();
        var month = reports.LastFinishedMonth;
        var (from, _) = app.Services.GetRequiredService<LocalCalendar>().MonthOf(month.Year, month.Month);
        var chief = new CaseActor("chief1", new JurisdictionScope("/T001/S001/"), new HashSet<string> { Roles.StationChief });
        var hazard = (await app.Services.GetRequiredService<InvestigationRegister>().RecordAsync(new InvestigationInput(
            "PublicOrder", "rental", "青湖村出租屋", "群租房<script>alert(1)</script>消防隐患", true, "青湖派出所", "王警官",
            from.AddDays(20), from.AddDays(5), "S001"), chief)).Value!;

        var page = await browser.NewPageAsync(app.BaseAddress);
        await new LoginPage(page).SignInAsync("staff1", DashboardAppFactory.Password, "/reports/monthly");
        await LoginPage.WaitForInteractivityAsync(page);
        await page.GetByTestId("report-generate").ClickAsync();
        await page.Locator(".mud-snackbar", new() { HasText = "已生成" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("reports-archive") });

        var row = page.Locator("[data-testid=report-archive] tbody tr", new() { HasText = "青湖镇" }).First;
        await row.GetByText("预览").ClickAsync();
        var view = page.GetByTestId("report-view");
        await view.WaitForAsync();
        Assert.Contains(hazard.Number, await view.InnerTextAsync());
        Assert.Contains("<script>alert(1)</script>", await view.InnerTextAsync());
        Assert.Contains("零报告", await page.GetByTestId("report-summary-Instability").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("report-preview"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Word" }).ClickAsync());
        Assert.EndsWith($"{month}.docx", download.SuggestedFilename);
    }
}
