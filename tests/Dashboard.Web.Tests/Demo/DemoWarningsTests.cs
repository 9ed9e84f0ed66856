using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Patrol;
using Dashboard.Core.Warnings;
using Dashboard.Simulator.World;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Demo;

/// <summary>
/// The demo township with ten weeks of history, then a day of the simulator posting through the public API. The day starts
/// at the next Monday midnight in Shanghai, so the simulated hours (and what they plant) are the same on every run.
/// </summary>
public sealed class DemoDayApp : DashboardAppFactory
{
    public DemoDayApp()
    {
        var shanghai = TimeSpan.FromHours(8);
        var local = Clock.GetUtcNow().ToOffset(shanghai);
        var monday = new DateTimeOffset(local.Date, shanghai).AddDays(((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7 + 7);
        Clock.SetUtcNow(monday);
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Demo:HistoryDays"] = "70";
        settings["Api:RateLimit:PermitsPerSecond"] = "100000";
        settings["Api:RateLimit:Burst"] = "100000";
    }
}

/// <summary>
/// The "done when": every model fires on the demo's simulated data, judged by the server's own engine. At rate 8 a
/// day holds about four planted surges, so the day is not the rare one without.
/// </summary>
public sealed class DemoWarningsTests(DemoDayApp app) : IClassFixture<DemoDayApp>
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_simulated_day_on_the_demo_makes_every_warning_model_fire()
    {
        var api = app.ApiClient();
        var reference = await api.GetFromJsonAsync<ReferenceData>("/api/v1/reference", JsonSerializerOptions.Web);
        var world = new SimulationWorld(reference!, app.Clock.GetUtcNow(), rate: 8, seed: 5, "day");
        var engine = app.Services.GetRequiredService<WarningEngine>();
        await app.Services.GetRequiredService<GeofenceWatch>().RefreshAsync();
        await app.Services.GetRequiredService<CheckInWatch>().RefreshAsync();

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(26); elapsed += Step)
        {
            app.Clock.Advance(Step);
            var tick = world.Tick(app.Clock.GetUtcNow());
            if (tick.Alarms.Count > 0) (await api.PostAsJsonAsync("/api/v1/alarms", tick.Alarms)).EnsureSuccessStatusCode();
            foreach (var e in tick.Events)
                (await api.PostAsJsonAsync($"/api/v1/alarms/{Uri.EscapeDataString(e.ExternalId)}/events", e.Event)).EnsureSuccessStatusCode();
            if (tick.Positions.Count > 0) (await api.PostAsJsonAsync("/api/v1/positions", tick.Positions)).EnsureSuccessStatusCode();
            if (elapsed.Ticks % TimeSpan.FromMinutes(5).Ticks == 0) await engine.ScanAsync();
        }
        await engine.ScanAsync();

        var fired = await WaitForModelsAsync(ModelCodes.All.Count);
        Assert.Equal(ModelCodes.All.Order(), fired.Keys.Order());
    }

    // Alarms and positions are evaluated off the ingest path: the test waits for the queue rather than sleeping blindly.
    private async Task<Dictionary<string, int>> WaitForModelsAsync(int expected)
    {
        Dictionary<string, int> fired = [];
        for (var i = 0; i < 100 && fired.Count < expected; i++)
        {
            fired = await app.QueryAsync(db => db.Warnings.GroupBy(w => w.ModelCode).ToDictionaryAsync(g => g.Key, g => g.Count()));
            if (fired.Count < expected) await Task.Delay(100);
        }
        return fired;
    }
}
