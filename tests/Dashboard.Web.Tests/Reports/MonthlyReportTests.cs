using System.Net;
using System.Net.Http.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Reports;
using Dashboard.Core.Time;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Dashboard.Web.Tests.Reports;

/// <summary>The monthly report on the demo: the schedule, the archive, and the documents behind the download addresses.</summary>
public sealed class MonthlyReportTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly string[] TownshipsAndStations = ["S001", "S002", "S003", "T001"];
    private const string Grid = "G001";
    private MonthlyReports Reports => app.Services.GetRequiredService<MonthlyReports>();
    private LocalCalendar Calendar => app.Services.GetRequiredService<LocalCalendar>();

    private Task<JurisdictionNode> NodeAsync(string code) => app.QueryAsync(db => db.Jurisdictions.AsNoTracking().SingleAsync(n => n.Code == code));

    private Task<List<string>> ArchivedCodesAsync(ReportMonth month) => app.QueryAsync(db =>
        db.MonthlyReports.Where(r => r.Month == month.ToString()).Select(r => r.JurisdictionCode).OrderBy(c => c).ToListAsync());

    private async Task PostAlarmsAsync(params (string ExternalId, DateTimeOffset At, string Category)[] alarms)
    {
        var (lat, lon, _, _) = await app.InsideGridAsync(Grid);
        var batch = alarms.Select(a => new { externalId = a.ExternalId, receivedAt = a.At, category = a.Category, summary = "月报测试", location = new { lat, lon } });
        (await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", batch)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_run_missed_while_the_server_was_down_builds_last_months_reports_after_start_up()
    {
        var month = Reports.LastFinishedMonth;
        for (var i = 0; i < 300 && (await ArchivedCodesAsync(month)).Count < TownshipsAndStations.Length; i++) await Task.Delay(100);

        Assert.Equal(TownshipsAndStations, await ArchivedCodesAsync(month));
        // Other tests here rebuild some of them; the first build of each was the schedule's.
        var scheduled = await app.QueryAsync(db => db.AuditEntries
            .Where(a => a.Action == "report.generate" && a.Actor == MonthlyReports.Scheduler && a.Target!.EndsWith("/" + month)).Select(a => a.Target).ToListAsync());
        Assert.Equal(TownshipsAndStations.Select(c => $"{c}/{month}"), scheduled.Order());
    }

    [Fact]
    public async Task Running_the_schedule_twice_even_at_once_yields_one_report_per_township_and_station()
    {
        var month = Reports.LastFinishedMonth.Previous.Previous;

        var together = await Task.WhenAll(Reports.GenerateMissingAsync(month), Reports.GenerateMissingAsync(month));
        var again = await Reports.GenerateMissingAsync(month);

        Assert.Equal(TownshipsAndStations.Length, together.Sum());
        Assert.Equal(0, again);
        Assert.Equal(TownshipsAndStations, await ArchivedCodesAsync(month));
    }

    [Fact]
    public async Task The_Word_document_is_valid_A4_in_Chinese_fonts_and_carries_the_figures_counted_from_the_raw_alarms()
    {
        var month = Reports.LastFinishedMonth;
        var (from, to) = Calendar.MonthOf(month.Year, month.Month);
        await PostAlarmsAsync(("report-last-second", to.AddSeconds(-1), "criminal"), ("report-next-month", to, "criminal"),
            ("report-first-second", from, "criminal"), ("report-middle", from.AddDays(10), "public_order"));
        var station = (await app.InsideGridAsync(Grid)).Path.Split('/')[2];
        await Reports.GenerateAsync(await NodeAsync(station), month, "staff1");
        var (total, criminal) = await app.QueryAsync(async db =>
        {
            var alarms = db.Alarms.Where(a => a.JurisdictionPath.StartsWith($"/T001/{station}/") && a.ReceivedAt >= from && a.ReceivedAt < to);
            return (await alarms.CountAsync(), await alarms.CountAsync(a => a.Category == "criminal"));
        });
        var leader = await app.SignedInAsync("leader");

        var response = await leader.GetAsync($"/reports/monthly/{month}.docx?jurisdiction={station}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.True(criminal >= 2, "both alarms inside the month edges are stored");
        Assert.Contains($"本月接报警情{total}起", text);
        Assert.Contains($"其中刑事警情{criminal}起", text);
        Assert.Contains("零报告", text);
        Assert.Contains("单位负责人（签字）", text);
        Assert.NotEmpty(doc.MainDocumentPart.Document.Body.Elements<Table>());
        var page = doc.MainDocumentPart.Document.Body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value));
        Assert.Equal("宋体", doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single().EastAsia!.Value);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "report.download" && a.Actor == "leader" && a.Target == $"{station}/{month}")));
    }

    [Fact]
    public async Task The_workbook_has_a_sheet_per_breakdown_with_the_same_figures_as_the_archive()
    {
        var month = Reports.LastFinishedMonth.Previous;
        var report = await Reports.GenerateAsync(await NodeAsync("T001"), month, "staff1");
        var leader = await app.SignedInAsync("leader");

        var bytes = await leader.GetByteArrayAsync($"/reports/monthly/{month}.xlsx");

        using var book = new MemoryStream(bytes);
        Assert.Equal(["汇总", "分类明细", "社区明细", "重大事项", "预警", "警情"], book.GetSheetNames());
        var summary = book.Query(useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["矛盾纠纷排查化解", "治安隐患排查整治", "安全隐患排查整治", "不稳定因素排查化解"], summary.Select(r => (string?)r["排查类别"]));
        var disputes = report.Content[ReportSection.Disputes].Counts;
        Assert.Equal(disputes.Found, Convert.ToInt32(summary[0]["发现"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(disputes.InProgress, Convert.ToInt32(summary[0]["在办"], System.Globalization.CultureInfo.InvariantCulture));
        var alarms = book.Query(useHeaderRow: true, sheetName: "警情").Cast<IDictionary<string, object?>>().First();
        Assert.Equal(report.Content.Alarms.Total.ToString(System.Globalization.CultureInfo.InvariantCulture), alarms["本月"]);
    }

    [Fact]
    public async Task Regenerating_counts_a_revision_records_who_and_the_archive_shows_only_the_callers_jurisdiction()
    {
        var month = Reports.LastFinishedMonth.Previous.Previous.Previous;
        var node = await NodeAsync("S001");
        await Reports.GenerateAsync(node, month, "staff1");
        var progress = new List<ReportStep>();

        var second = await Reports.GenerateAsync(node, month, "chief1", new SynchronousProgress(progress));

        Assert.Equal((2, "chief1"), (second.Revision, second.GeneratedBy));
        Assert.Equal(Enum.GetValues<ReportStep>(), progress);
        var mine = await Reports.ArchiveAsync(new JurisdictionScope("/T001/S001/"));
        Assert.Contains(mine, e => e.Month == month.ToString() && e.JurisdictionCode == "S001" && e.Revision == 2 && e.GeneratedBy == "chief1");
        Assert.DoesNotContain(await Reports.ArchiveAsync(new JurisdictionScope("/T001/S002/")), e => e.JurisdictionCode == "S001");
        Assert.Equal(2, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "report.generate" && a.Target == $"S001/{month}")));
    }

    [Fact]
    public async Task A_unit_inside_the_jurisdiction_is_built_on_demand_when_its_report_does_not_exist_yet()
    {
        var month = Reports.LastFinishedMonth.Previous.Previous.Previous.Previous;
        var leader = await app.SignedInAsync("leader");

        var response = await leader.GetAsync($"/reports/monthly/{month}.docx?jurisdiction=C001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await Reports.FindAsync("C001", month);
        Assert.Equal("leader", report?.GeneratedBy);
    }

    [Theory]
    [InlineData("chief2", "/reports/monthly/{0}.docx?jurisdiction=S001", HttpStatusCode.NotFound)]
    [InlineData("chief2", "/reports/monthly/{0}.docx?jurisdiction=NOPE", HttpStatusCode.NotFound)]
    [InlineData("chief1", "/reports/monthly/2026-13.docx", HttpStatusCode.BadRequest)]
    [InlineData("chief1", "/reports/monthly/{1}.docx", HttpStatusCode.BadRequest)]
    [InlineData("chief1", "/reports/monthly/{0}.pdf", HttpStatusCode.NotFound)]
    public async Task A_request_outside_the_jurisdiction_for_a_bad_or_unfinished_month_is_refused_with_a_problem(string user, string address, HttpStatusCode status)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, address, Reports.LastFinishedMonth, Reports.LastFinishedMonth.Next);
        var browser = await app.SignedInAsync(user);

        var response = await browser.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "report.download" && a.Actor == user && a.Target!.StartsWith("S001/") && user == "chief2")));
    }

    [Fact]
    public async Task The_download_needs_a_signed_in_person()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync($"/reports/monthly/{Reports.LastFinishedMonth}.docx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    private sealed class SynchronousProgress(List<ReportStep> steps) : IProgress<ReportStep>
    {
        public void Report(ReportStep value) => steps.Add(value);
    }
}
