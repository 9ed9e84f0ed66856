using System.Globalization;
using System.Net;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Dashboard.Web.Tests.Statistics;

/// <summary>The statistics page and its Excel download through HTTP, as signed-in people.</summary>
public sealed class StatisticsExportTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private LocalCalendar Calendar => app.Services.GetRequiredService<LocalCalendar>();

    private static async Task<MemoryStream> DownloadAsync(HttpClient browser, string query)
    {
        var response = await browser.GetAsync("/statistics/figures.xlsx?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        return new MemoryStream(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<IDictionary<string, object?>> Sheet(Stream file, string name)
    {
        file.Position = 0;
        return file.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
    }

    private static List<string> SheetNames(Stream file)
    {
        file.Position = 0;
        return MiniExcel.GetSheetNames(file);
    }

    private string Days(int from, int to)
    {
        var today = DateOnly.FromDateTime(Calendar.Now.DateTime);
        return $"period=custom&from={today.AddDays(from):yyyy-MM-dd}&to={today.AddDays(to):yyyy-MM-dd}";
    }

    [Fact]
    public async Task The_daily_download_holds_the_chart_figures_under_chinese_headers_and_is_audited()
    {
        var day = Calendar.StartOf(DateOnly.FromDateTime(Calendar.Now.DateTime).AddDays(-9));
        await AlarmBatch.PostAsync(app, Enumerable.Range(0, 6).Select(i => ($"export-{i}", day.AddHours(3 * i + 1), "fire", "G002")));
        var browser = await app.SignedInAsync("leader");

        using var file = await DownloadAsync(browser, Days(-10, -8) + "&chart=daily");

        Assert.Equal(["每日警情"], SheetNames(file));
        var rows = Sheet(file, "每日警情");
        Assert.Equal(["日期", "警情数", "去年同日"], rows[0].Keys);
        var expected = await app.Services.GetRequiredService<ChartQueries>().DailyAsync(new JurisdictionScope("/T001/"),
            PeriodChoice.Custom(DateOnly.FromDateTime(Calendar.Now.DateTime).AddDays(-10), DateOnly.FromDateTime(Calendar.Now.DateTime).AddDays(-8)).Resolve(Calendar), null);
        Assert.Equal(expected.Select(d => (d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (double)d.Count)),
            rows.Select(r => ((string)r["日期"]!, Convert.ToDouble(r["警情数"], CultureInfo.InvariantCulture))));
        Assert.Equal(6, expected.Sum(d => d.Count));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "statistics.export" && a.Actor == "leader")));
    }

    [Fact]
    public async Task The_full_download_has_a_sheet_per_chart_with_chinese_headers()
    {
        var browser = await app.SignedInAsync("leader");

        using var file = await DownloadAsync(browser, "");

        Assert.Equal(["每日警情", "类别同比环比", "单位同比环比", "网格热区", "高发时段", "响应时间分布", "各单位响应时间", "调解成功率", "预警模型"], SheetNames(file));
        var categories = Sheet(file, "类别同比环比");
        Assert.Equal(["类别", "本期", "上期", "环比（%）", "去年同期", "同比（%）"], categories[0].Keys);
        Assert.Contains(categories, r => (string?)r["类别"] == "刑事");
        Assert.Equal(["派出所", "本期", "上期", "环比（%）", "去年同期", "同比（%）"], Sheet(file, "单位同比环比")[0].Keys);
        Assert.Equal(["网格编码", "网格", "警情数", "人口", "面积（平方公里）", "每千人警情", "每平方公里警情"], Sheet(file, "网格热区")[0].Keys);
        Assert.Equal(7, Sheet(file, "高发时段").Count);
    }

    [Fact]
    public async Task A_station_chief_downloads_his_own_station_even_when_the_address_names_another()
    {
        var communities = await app.QueryAsync(db => db.Jurisdictions.Where(n => n.Level == JurisdictionLevel.Community)
            .Select(n => new { n.Name, n.Path }).ToListAsync());
        var browser = await app.SignedInAsync("chief2");

        using var file = await DownloadAsync(browser, "station=S001&chart=comparisons");

        var places = Sheet(file, "单位同比环比");
        Assert.Equal("社区（村）", places[0].Keys.First());
        Assert.Equal(communities.Where(c => c.Path.StartsWith("/T001/S002/", StringComparison.Ordinal)).Select(c => c.Name).Order(),
            places.Select(r => (string)r["社区（村）"]!).Order());
    }

    [Theory]
    [InlineData("/statistics?period=7&from=abc&to=2020-13-45&station=S999&category=%3Cscript%3E&rate=x")]
    [InlineData("/statistics?period=custom&from=1999-01-01&to=2099-12-31&station=../S001")]
    [InlineData("/statistics?period=custom&from=2001-01-01&to=2099-12-31&rate=km2")]
    [InlineData("/statistics/figures.xlsx?period=%00&chart=1&station=..%2F..&category=fire,dispute")]
    [InlineData("/statistics/figures.xlsx?period=custom&from=2001-01-01&to=2099-12-31&chart=Daily")]
    public async Task A_bad_address_falls_back_instead_of_failing(string address)
    {
        var browser = await app.SignedInAsync("leader");

        var response = await browser.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (address.StartsWith("/statistics?", StringComparison.Ordinal)) Assert.Contains("统计分析", System.Text.Encoding.UTF8.GetString(body));
        else Assert.InRange(Sheet(new MemoryStream(body), "每日警情").Count, 1, ChartQueries.MaxDays + 1);
    }

    [Fact]
    public async Task The_download_needs_a_signed_in_person()
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/statistics/figures.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }
}
