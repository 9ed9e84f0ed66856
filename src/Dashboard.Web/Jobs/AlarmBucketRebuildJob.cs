using Dashboard.Core.Statistics;
using Quartz;

namespace Dashboard.Web.Jobs;

/// <summary>
/// Every night, the last week's statistics buckets are recounted from the raw alarms and cases, so any drift (a restore,
/// a bulk import) is gone by morning. At start-up it also counts alarms and cases older than any bucket (after an upgrade
/// reset them, or before case buckets existed).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AlarmBucketRebuildJob(AlarmBuckets buckets, CaseBuckets cases, TimeProvider clock, ILogger<AlarmBucketRebuildJob> logger) : IJob
{
    public static readonly JobKey Key = new("alarm-bucket-rebuild");
    private static readonly TimeSpan Span = TimeSpan.FromDays(7);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var caughtUp = await buckets.CatchUpAsync(now, ct);
        if (caughtUp > 0) logger.LogInformation("Statistics buckets counted for {Alarms} older alarms", caughtUp);
        var counted = await buckets.RebuildAsync(now - Span, now, ct);
        logger.LogInformation("Statistics buckets rebuilt for the last {Days} days from {Alarms} alarms", Span.TotalDays, counted);
        var casesCaughtUp = await cases.CatchUpAsync(now, ct);
        if (casesCaughtUp > 0) logger.LogInformation("Case buckets counted for {Cases} older disputes and warnings", casesCaughtUp);
        await cases.RebuildAsync(now - Span, now, ct);
    }
}
