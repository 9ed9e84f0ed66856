using Dashboard.Core.Disputes;
using Quartz;

namespace Dashboard.Web.Jobs;

/// <summary>The supervision scan (督办) every few minutes; the scan itself is idempotent, so a repeated or late run is harmless.</summary>
[DisallowConcurrentExecution]
internal sealed class DisputeSupervisionJob(DisputeSupervision supervision, ILogger<DisputeSupervisionJob> logger) : IJob
{
    public static readonly JobKey Key = new("dispute-supervision");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var result = await supervision.ScanAsync(ct);
        if (result.Supervised.Count + result.DueSoon.Count > 0)
            logger.LogInformation("Supervision: {Supervised} overdue case(s) supervised, {DueSoon} red case(s) due soon",
                result.Supervised.Count, result.DueSoon.Count);
    }
}
