using System.Threading.Channels;
using Dashboard.Core.Disputes;
using Dashboard.Core.Live;
using Dashboard.Core.Statistics;
using Dashboard.Core.Warnings;

namespace Dashboard.Web.Jobs;

/// <summary>
/// Recounts the case buckets of every dispute and warning whose change committed, off the path of the change: the
/// changes that arrive while one recount runs are taken together, so a burst costs one recount of the days it touched.
/// A recount that fails is logged and left to the nightly rebuild.
/// </summary>
internal sealed class CaseBucketFollower(ILiveBus bus, CaseBuckets buckets, LiveState live, ILogger<CaseBucketFollower> logger)
    : BackgroundService
{
    private readonly Channel<(bool Warning, long Id)> _changed = Channel.CreateUnbounded<(bool, long)>(
        new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var disputes = bus.Subscribe<DisputeChanged>(e => _changed.Writer.TryWrite((false, e.Id)));
        using var warnings = bus.Subscribe<WarningChanged>(e => _changed.Writer.TryWrite((true, e.Id)));
        while (await _changed.Reader.WaitToReadAsync(ct))
        {
            var (disputeIds, warningIds) = (new HashSet<long>(), new HashSet<long>());
            while (_changed.Reader.TryRead(out var change)) (change.Warning ? warningIds : disputeIds).Add(change.Id);
            try
            {
                await buckets.RecountAsync(disputeIds, warningIds, ct);
                live.FiguresChanged();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Case buckets not recounted for {Disputes} disputes and {Warnings} warnings", disputeIds.Count, warningIds.Count);
            }
        }
    }
}
