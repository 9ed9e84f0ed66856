using Dashboard.Simulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Demo;

/// <summary>
/// In Development, runs the simulator inside the app once it listens, posting to its own public API over loopback
/// exactly as an external upstream system would. Switch: <c>Demo:Simulator</c>.
/// </summary>
internal sealed class DemoSimulatorService(
    IOptions<DemoOptions> options, IHostEnvironment environment, IHostApplicationLifetime lifetime, IServer server,
    DemoCredentials credentials, TimeProvider clock, ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!(options.Value.Simulator ?? environment.IsDevelopment())) return;
        if (!await WaitForStartAsync(ct) || !credentials.Ready) return;

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return;
        var url = new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var engine = new SimulatorEngine(http, new SimulatorOptions
        {
            Url = url, ApiKey = credentials.ApiKey, Rate = options.Value.SimulatorRate,
            PositionInterval = TimeSpan.FromSeconds(options.Value.PositionIntervalSeconds),
        }, clock, loggers.CreateLogger("Dashboard.Simulator"));
        await engine.RunAsync(ct);
    }

    private async Task<bool> WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var __ = ct.Register(() => started.TrySetCanceled(ct));
        try { await started.Task; return true; }
        catch (OperationCanceledException) { return false; }
    }
}
