using System.Threading.Channels;
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
    ILiveBus bus, WarningEngine engine, WarningIssuer issuer, GeofenceWatch fences, CheckInWatch checkIns, ILogger<WarningTriggers> logger)
    : BackgroundService
{
    private readonly Channel<Func<CancellationToken, Task>> _queue = Channel.CreateUnbounded<Func<CancellationToken, Task>>(
        new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var alarms = bus.Subscribe<HouseholdRecorded>(e => _queue.Writer.TryWrite(t => engine.OnRecordedAsync(e.Record, t)));
        using var cases = bus.Subscribe<DisputeChanged>(e =>
        {
            if (e.Action == "register") _queue.Writer.TryWrite(t => engine.OnDisputeAsync(e.Id, t));
        });
        using var positions = bus.Subscribe<PositionsMoved>(e =>
        {
            if (fences.Check(e.Units) is { Count: > 0 } firings) _queue.Writer.TryWrite(t => issuer.IssueAsync(firings, t));
            if (checkIns.Observe(e.Units) is { Count: > 0 } done) _queue.Writer.TryWrite(t => checkIns.StoreAsync(done, t));
        });
        // The fences and points are loaded by the scan job, which starts once the database is migrated.
        await foreach (var evaluate in _queue.Reader.ReadAllAsync(ct))
        {
            try { await evaluate(ct); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Warning evaluation failed"); }
        }
    }
}
