using Dashboard.Simulator;
using Dashboard.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.E2E;

public sealed class SimulatorFeedTests(LiveApp app) : IClassFixture<LiveApp>
{
    private static SimulatorEngine Engine(HttpClient http, Uri url, int seconds) => new(http, new SimulatorOptions
    {
        Url = url, ApiKey = DashboardAppFactory.ApiKey, Rate = 3000, PositionInterval = TimeSpan.FromSeconds(1),
        Seed = 42, Duration = TimeSpan.FromSeconds(seconds),
    }, TimeProvider.System, NullLogger.Instance);

    [Fact]
    public async Task The_simulator_feeds_alarms_and_positions_through_the_public_api()
    {
        using var http = new HttpClient();
        await Engine(http, app.BaseAddress, 6).RunAsync(CancellationToken.None);
        await AssertFedAsync(app);
    }

    [Fact]
    public async Task A_server_that_is_down_at_first_is_waited_for_and_then_fed()
    {
        var port = LiveApp.FreePort();
        using var http = new HttpClient();
        var run = Engine(http, new Uri($"http://127.0.0.1:{port}/"), 25).RunAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(run.IsCompleted);

        await using var late = new LiveApp(port);
        await run;
        await AssertFedAsync(late);
    }

    private static async Task AssertFedAsync(LiveApp app)
    {
        var demoKey = await app.QueryAsync(db => db.ApiKeys.Where(k => k.Name.StartsWith("演示模拟器")).Select(k => k.Id).SingleAsync());
        var fed = await app.QueryAsync(db => db.Alarms.Where(a => a.SourceKeyId == demoKey).ToListAsync());
        Assert.NotEmpty(fed);
        Assert.All(fed, a => Assert.NotNull(a.GridCode));
        var positioned = await app.QueryAsync(db => db.UnitPositions.CountAsync());
        Assert.InRange(positioned, 60, 80);
        Assert.True(await app.QueryAsync(db => db.PositionHistory.CountAsync()) >= positioned * 2);
    }
}
