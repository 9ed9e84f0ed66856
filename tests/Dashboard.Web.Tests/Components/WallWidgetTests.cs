using System.Net.Http.Json;
using Bunit;
using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Time;
using Dashboard.Web.Components.Live;
using Dashboard.Web.Components.Statistics;
using Dashboard.Web.Components.Wall;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>The wall's widgets rendered by bunit against the real app's live state, fed through the real API.</summary>
public sealed class WallWidgetTests : IClassFixture<DashboardAppFactory>, IDisposable
{
    private static readonly JurisdictionScope Township = new("/T001/");
    private readonly DashboardAppFactory _app;
    private readonly BunitContext _ui = new();

    public WallWidgetTests(DashboardAppFactory app)
    {
        _app = app;
        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        _ui.Services.AddMudServices();
        _ui.Services.AddLocalization();
        foreach (var type in new[] { typeof(LiveState), typeof(LocalCalendar), typeof(TimeProvider), typeof(AlarmQueries) })
            _ui.Services.AddSingleton(type, app.Services.GetRequiredService(type));
    }

    private async Task PostAlarmAsync(string externalId, string summary)
    {
        var (lat, lon, _, _) = await _app.InsideGridAsync();
        var response = await _app.ApiClient().PostAsJsonAsync("/api/v1/alarms", new
        {
            externalId, receivedAt = _app.Clock.GetUtcNow(), category = "traffic", subcategory = "traffic.accident", summary,
            location = new { lat, lon },
        });
        response.EnsureSuccessStatusCode();
        _app.Clock.Advance(TimeSpan.FromSeconds(1)); // lets the coalescing notifier deliver
    }

    [Fact]
    public async Task The_staleness_indicator_turns_red_after_30_seconds_without_data()
    {
        var header = _ui.Render<WallHeader>(p => p.Add(h => h.JurisdictionName, "青湖镇"));
        await PostAlarmAsync("bunit-fresh", "两车相撞");
        header.WaitForAssertion(() => Assert.Equal("false", header.Find("[data-testid=freshness]").GetAttribute("data-stale")));

        _app.Clock.Advance(TimeSpan.FromSeconds(31));

        header.WaitForAssertion(() => Assert.Equal("true", header.Find("[data-testid=freshness]").GetAttribute("data-stale")));
        Assert.Contains("数据中断", header.Find("[data-testid=freshness]").TextContent);
    }

    [Fact]
    public async Task The_ticker_shows_a_new_alarm_first_and_as_plain_text()
    {
        var ticker = _ui.Render<AlarmTicker>(p => p.Add(t => t.Scope, Township));
        await PostAlarmAsync("bunit-ticker", "<b>货车</b>侧翻");

        ticker.WaitForAssertion(() => Assert.Contains("<b>货车</b>侧翻", ticker.FindAll("li")[0].TextContent));
        Assert.Empty(ticker.FindAll("li b"));
    }

    [Fact]
    public async Task The_alarms_today_tile_counts_what_arrived_today()
    {
        var live = _app.Services.GetRequiredService<LiveState>();
        var before = (await live.TodayAsync(Township)).Current;
        await PostAlarmAsync("bunit-kpi", "路口拥堵");
        _app.Clock.Advance(TimeSpan.FromSeconds(6)); // past the figures' 5-second cache

        var tiles = _ui.Render<KpiPanel>(p => p.Add(k => k.Scope, Township));

        tiles.WaitForAssertion(() => Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            tiles.Find("[data-testid=kpi-alarms-today]").TextContent.Trim()));
    }

    [Fact]
    public async Task A_wall_chart_reloads_on_new_figures_but_at_most_every_five_seconds()
    {
        var loads = 0;
        var chart = _ui.Render<Dashboard.Web.Components.Kiosk.KioskChart>(p => p.Add(c => c.Scope, Township).Add(c => c.Title, "走势")
            .Add(c => c.Load, _ => { Interlocked.Increment(ref loads); return Task.FromResult(new ChartSpec([], new Plotly.Blazor.Layout())); }));
        Assert.Equal(1, loads);

        await PostAlarmAsync("bunit-chart-1", "第一起");
        chart.WaitForAssertion(() => Assert.Equal(2, loads));
        await PostAlarmAsync("bunit-chart-2", "第二起");
        await PostAlarmAsync("bunit-chart-3", "第三起");
        Assert.Equal(2, loads);

        _app.Clock.Advance(TimeSpan.FromSeconds(3)); // five seconds after the last reload
        chart.WaitForAssertion(() => Assert.Equal(3, loads));
    }

    public void Dispose() => _ui.Dispose();
}
