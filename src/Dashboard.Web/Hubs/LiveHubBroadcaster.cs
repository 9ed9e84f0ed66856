using System.Threading.Channels;
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
    // Bus handlers run on the publisher's thread (an ingest request): they only queue, and a loop sends in order.
    // Positions have a loop of their own, so an alarm never waits behind a batch of thousands of fixes to every screen.
    private readonly Channel<Action> _outbox = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<Action> _positionsOutbox = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var alarms = bus.Subscribe<AlarmsReceived>(e => _outbox.Writer.TryWrite(() => SendAlarms(e)));
        using var statuses = bus.Subscribe<AlarmStatusChanged>(e => _outbox.Writer.TryWrite(() =>
            Send(e.Alarm.JurisdictionPath, LiveMessages.AlarmStatus, new AlarmStatusMessage(e.Alarm.ExternalId, e.Status, e.At, e.UnitCode))));
        using var positions = bus.Subscribe<PositionsMoved>(e => _positionsOutbox.Writer.TryWrite(() => SendPositions(e)));
        using var warnings = bus.Subscribe<WarningChanged>(e => _outbox.Writer.TryWrite(() => Send(e.JurisdictionPath, LiveMessages.Warning, WarningMessage.Of(e))));
        using var figures = live.Subscribe(change => { if (change.HasFlag(LiveChange.Figures)) Interlocked.Exchange(ref _figuresChanged, 1); });
        await Task.WhenAll(SendQueuedAsync(_outbox, ct), SendQueuedAsync(_positionsOutbox, ct), SendFiguresAsync(ct));
    }

    private async Task SendQueuedAsync(Channel<Action> outbox, CancellationToken ct)
    {
        await foreach (var send in outbox.Reader.ReadAllAsync(ct))
        {
            try { send(); }
            catch (Exception ex) { logger.LogWarning(ex, "Could not send a live message"); }
        }
    }

    private async Task SendFiguresAsync(CancellationToken ct)
    {
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

    private void SendAlarms(AlarmsReceived received)
    {
        foreach (var alarm in received.Alarms)
        {
            var groups = LiveHub.NodesAbove(alarm.JurisdictionPath).Select(n => LiveHub.AlarmsGroupOf(n, batched: false)).Where(audience.Listens).ToList();
            if (groups.Count > 0) _ = hub.Clients.Groups(groups).SendAsync(LiveMessages.Alarm, AlarmMessage.Of(alarm));
        }
        foreach (var (group, batch) in ByGroup(received.Alarms, a => a.JurisdictionPath, node => LiveHub.AlarmsGroupOf(node, batched: true)))
            _ = hub.Clients.Group(group).SendAsync(LiveMessages.Alarms, batch.Select(AlarmMessage.Of).ToList());
    }

    private void SendPositions(PositionsMoved moved)
    {
        foreach (var (group, units) in ByGroup(moved.Units, u => u.JurisdictionPath, node => LiveHub.PositionsGroupOf(node, packed: false)))
            _ = hub.Clients.Group(group).SendAsync(LiveMessages.Positions, units.Select(PositionMessage.Of).ToList());
        foreach (var (group, units) in ByGroup(moved.Units, u => u.JurisdictionPath, node => LiveHub.PositionsGroupOf(node, packed: true)))
            _ = hub.Clients.Group(group).SendAsync(LiveMessages.PositionsPacked, PackedPositions.Pack(units));
    }

    /// <summary>
    /// The records each group may see (those at its node and below), for the groups someone is in: a message is built
    /// only for a node and form that has a listener.
    /// </summary>
    private Dictionary<string, List<T>> ByGroup<T>(IEnumerable<T> records, Func<T, string> pathOf, Func<string, string> groupOf)
    {
        var byGroup = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        // The lists a record at a path goes to, worked out once per path in the batch; records keep their order.
        var listsAt = new Dictionary<string, List<T>[]>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var path = pathOf(record);
            if (!listsAt.TryGetValue(path, out var lists))
                listsAt[path] = lists = [.. LiveHub.NodesAbove(path).Select(groupOf).Where(audience.Listens)
                    .Select(g => byGroup.TryGetValue(g, out var list) ? list : byGroup[g] = [])];
            foreach (var list in lists) list.Add(record);
        }
        return byGroup;
    }
}
