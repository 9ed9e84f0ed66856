using System.Net.Http.Json;
using Bunit;
using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Dashboard.Web.Components.Desk;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Desk;

/// <summary>The desk overview's widgets rendered by bunit against the real app, fed through the real API.</summary>
public sealed class DeskOverviewTests : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private static readonly JurisdictionScope Township = new("/T001/");
    private readonly DashboardAppFactory _app;
    private readonly BunitContext _ui = new();

    public DeskOverviewTests(DashboardAppFactory app)
    {
        _app = app;
        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        _ui.Services.AddMudServices();
        _ui.Services.AddLocalization();
        foreach (var type in new[] { typeof(LiveState), typeof(LocalCalendar), typeof(TimeProvider), typeof(AlarmQueries), typeof(KpiQueries) })
            _ui.Services.AddSingleton(type, app.Services.GetRequiredService(type));
    }

    private async Task PostAlarmAsync(string externalId, string category, string summary)
    {
        var (lat, lon, _, _) = await _app.InsideGridAsync();
        var response = await _app.ApiClient().PostAsJsonAsync("/api/v1/alarms", new
        {
            externalId, receivedAt = _app.Clock.GetUtcNow(), category, summary, location = new { lat, lon },
        });
        response.EnsureSuccessStatusCode();
        _app.Clock.Advance(TimeSpan.FromSeconds(1)); // lets the coalescing notifier deliver
    }

    [Fact]
    public async Task The_kpi_card_counts_the_chosen_period_and_category_and_follows_new_alarms()
    {
        await PostAlarmAsync("desk-kpi-1", "fire", "仓库起火");
        var card = _ui.Render<PeriodKpiCard>(p => p.Add(c => c.Scope, Township).Add(c => c.Period, PeriodChoice.Today).Add(c => c.Category, "fire"));
        card.WaitForAssertion(() => Assert.Equal("1", card.Find("[data-testid=kpi-alarms]").TextContent.Trim()));

        await PostAlarmAsync("desk-kpi-2", "fire", "车辆起火");
        await PostAlarmAsync("desk-kpi-3", "traffic", "两车相撞");

        card.WaitForAssertion(() => Assert.Equal("2", card.Find("[data-testid=kpi-alarms]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_kpi_card_without_a_category_shows_every_category()
    {
        await PostAlarmAsync("desk-kpi-all", "dispute", "邻里纠纷");
        var card = _ui.Render<PeriodKpiCard>(p => p.Add(c => c.Scope, Township).Add(c => c.Period, PeriodChoice.Today));

        card.WaitForAssertion(() => Assert.Equal(7, card.FindAll(".mud-chip").Count));
        Assert.NotEqual("0", card.Find("[data-testid=kpi-alarms]").TextContent.Trim());
    }

    [Theory]
    [InlineData("S009", "nonsense", "7", "custom", "2030-01-01", "2020-01-01")]
    [InlineData(null, "", "Closed,Received", "month?", "", null)]
    public void Garbage_in_the_address_is_normalised_not_thrown(string? station, string? category, string? status, string? period, string? from, string? to)
    {
        var filter = DeskFilter.Parse(["S001", "S002"], station, category, period, from, to, status, "  ");

        Assert.Equal((null, null, null, null), (filter.Station, filter.Category, filter.Status, filter.Text));
        Assert.True(filter.Period == PeriodChoice.Today || filter.Period == PeriodChoice.Custom(new(2020, 1, 1), new(2030, 1, 1)));
    }

    [Fact]
    public void A_filter_survives_the_round_trip_through_the_address()
    {
        var filter = new DeskFilter("S002", "dispute", PeriodChoice.Custom(new(2026, 11, 1), new(2026, 11, 7)), AlarmStatus.OnScene, "噪音");
        var query = filter.ToQuery();

        var parsed = DeskFilter.Parse(["S001", "S002"], (string?)query["station"], (string?)query["category"], (string?)query["period"],
            (string?)query["from"], (string?)query["to"], (string?)query["status"], (string?)query["q"]);

        Assert.Equal(filter, parsed);
        Assert.All(DeskFilter.Default.ToQuery().Values, Assert.Null);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ui.DisposeAsync();
}
