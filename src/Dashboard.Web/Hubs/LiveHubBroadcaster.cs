using Dashboard.Core.Live;
using Dashboard.Core.Warnings;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Hubs;

/// <summary>Forwards committed changes from the bus to hub groups, and the headline figures every few seconds while they change.</summary>
internal sealed class LiveHubBroadcaster(
    ILiveBus bus, IHubContext<LiveHub> hub, LiveState live, LiveAudience audience, TimeProvider clock, ILogger<LiveHubBroadcaster> logger)
    : BackgroundService
{
    private static readonly TimeSpan StatsPeriod = TimeSpan.FromSeconds(5);
    private int _figuresChanged = 1;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var alarms = bus.Subscribe<AlarmReceived>(e => Send(e.Alarm.JurisdictionPath, LiveMessages.Alarm, AlarmMessage.Of(e.Alarm)));
        using var statuses = bus.Subscribe<AlarmStatusChanged>(e =>
            Send(e.Alarm.JurisdictionPath, LiveMessages.AlarmStatus, new AlarmStatusMessage(e.Alarm.ExternalId, e.Status, e.At, e.UnitCode)));
        using var positions = bus.Subscribe<PositionsMoved>(SendPositions);
        using var warnings = bus.Subscribe<WarningChanged>(e => Send(e.JurisdictionPath, LiveMessages.Warning, WarningMessage.Of(e)));
        using var figures = live.Subscribe(change => { if (change.HasFlag(LiveChange.Figures)) Interlocked.Exchange(ref _figuresChanged, 1); });

        using var timer = new PeriodicTimer(StatsPeriod, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            if (Interlocked.Exchange(ref _figuresChanged, 0) == 0) continue;
            foreach (var scope in audience.Scopes)
            {
                try
                {
                    var figuresNow = await live.TodayAsync(scope);
                    await hub.Clients.Group(LiveHub.GroupOf(scope.Path)).SendAsync(LiveMessages.Stats, StatsMessage.Of(figuresNow, clock.GetUtcNow()), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not send figures to {Scope}", scope.Path);
                }
            }
        }
    }

    private void Send(string path, string method, object message) =>
        _ = hub.Clients.Groups(LiveHub.AudienceOf(path).ToList()).SendAsync(method, message);

    private void SendPositions(PositionsMoved moved)
    {
        var byNode = new Dictionary<string, List<UnitMoved>>();
        foreach (var u in moved.Units)
            foreach (var node in LiveHub.NodesAbove(u.JurisdictionPath))
            {
                if (!byNode.TryGetValue(node, out var units)) byNode[node] = units = [];
                units.Add(u);
            }
        foreach (var (node, units) in byNode)
        {
            _ = hub.Clients.Group(LiveHub.PositionsGroupOf(node, packed: false)).SendAsync(LiveMessages.Positions, units.Select(PositionMessage.Of).ToList());
            _ = hub.Clients.Group(LiveHub.PositionsGroupOf(node, packed: true)).SendAsync(LiveMessages.PositionsPacked, PackedPositions.Pack(units));
        }
    }
}
