using Dashboard.Core.Data;
using Dashboard.Core.Live;
using Dashboard.Web.Demo;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Runs before the server starts listening: the schema is current and, in a demo, the demo exists before the first
/// request. Then tells the operator where to point a browser.
/// </summary>
internal sealed class StartupTasks(
    DatabaseInitializer database, DemoSetup demo, LiveState live, IHostApplicationLifetime lifetime, StartupBanner banner) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await database.InitializeAsync(ct);
        await demo.PrepareAsync(ct);
        await live.LoadAsync(ct);
        lifetime.ApplicationStarted.Register(banner.Print);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
