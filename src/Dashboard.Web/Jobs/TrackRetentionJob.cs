using Dashboard.Core.Units;
using Quartz;

namespace Dashboard.Web.Jobs;

/// <summary>Every night, track points older than <c>Tracks:RetentionDays</c> are deleted.</summary>
[DisallowConcurrentExecution]
internal sealed class TrackRetentionJob(TrackRetention retention, ILogger<TrackRetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("track-retention");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var deleted = await retention.PurgeAsync(ct);
        if (deleted > 0) logger.LogInformation("Deleted {Count} track points past the retention period", deleted);
    }
}
