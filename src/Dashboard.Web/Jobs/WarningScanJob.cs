using Dashboard.Core.Warnings;
using Quartz;

namespace Dashboard.Web.Jobs;

/// <summary>Every minute: the time-based models, then escalation (督办) of warnings nobody signed for in time.</summary>
[DisallowConcurrentExecution]
internal sealed class WarningScanJob(WarningEngine engine, WarningWorkflow workflow, ILogger<WarningScanJob> logger) : IJob
{
    public static readonly JobKey Key = new("warning-scan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var outcomes = await engine.ScanAsync(ct);
        var issued = outcomes.Count(o => o == FiringOutcome.Issued);
        var escalated = await workflow.EscalateOverdueAsync(ct);
        if (issued + escalated > 0) logger.LogInformation("Warning scan: {Issued} issued, {Escalated} escalated", issued, escalated);
    }
}
