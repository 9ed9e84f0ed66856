using System.Threading.Channels;
using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Live;
using Dashboard.Core.Patrol;
using Dashboard.Core.Warnings;

namespace Dashboard.Web.Jobs;

/// <summary>
/// Feeds committed dispute alarms and newly registered cases to the warning engine, one at a time and off the ingest path:
/// the API answers as soon as the alarm is stored, and a slow evaluation never holds it up. Positions are checked against
/// fences and must-visit points in memory on arrival; only what they find is queued.
/// </summary>
internal sealed class WarningTriggers(
    ILiveBus bus, WarningEngine engine, WarningIssuer issuer, GeofenceWatch fences, CheckInWatch checkIns,
    IHostApplicationLifetime lifetime, ILogger<WarningTriggers> logger)
    : BackgroundService
{
    private readonly Channel<Func<CancellationToken, Task>> _queue = Channel.CreateUnbounded<Func<CancellationToken, Task>>(
        new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var alarms = bus.Subscribe<AlarmReceived>(e =>
        {
            if (e.Alarm.Category == AlarmCategories.Dispute) _queue.Writer.TryWrite(t => engine.OnAlarmAsync(e.Alarm.Id, t));
        });
        using var cases = bus.Subscribe<DisputeChanged>(e =>
        {
            if (e.Action == "register") _queue.Writer.TryWrite(t => engine.OnDisputeAsync(e.Id, t));
        });
        using var positions = bus.Subscribe<PositionsMoved>(e =>
        {
            if (fences.Check(e.Units) is { Count: > 0 } firings) _queue.Writer.TryWrite(t => issuer.IssueAsync(firings, t));
            if (checkIns.Observe(e.Units) is { Count: > 0 } done) _queue.Writer.TryWrite(t => checkIns.StoreAsync(done, t));
        });
        // ExecuteAsync runs alongside the start-up tasks; the fences and points can only be read once the schema is migrated.
        if (!await StartedAsync(ct)) return;
        await fences.RefreshAsync(ct);
        await checkIns.RefreshAsync(ct);
        await foreach (var evaluate in _queue.Reader.ReadAllAsync(ct))
        {
            try { await evaluate(ct); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Warning evaluation failed"); }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = ct.Register(() => started.TrySetCanceled(ct));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
