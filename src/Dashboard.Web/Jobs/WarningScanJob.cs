using Dashboard.Core.Patrol;
using Dashboard.Core.Warnings;
using Quartz;

namespace Dashboard.Web.Jobs;

/// <summary>
/// Every minute: the time-based models, then escalation (督办) of warnings nobody signed for in time; and the fences and
/// must-visit points the position checks hold in memory are reloaded, so an admin's edit applies within a minute.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class WarningScanJob(
    WarningEngine engine, WarningWorkflow workflow, GeofenceWatch fences, CheckInWatch checkIns, ILogger<WarningScanJob> logger) : IJob
{
    public static readonly JobKey Key = new("warning-scan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await fences.RefreshAsync(ct);
        await checkIns.RefreshAsync(ct);
        var outcomes = await engine.ScanAsync(ct);
        var issued = outcomes.Count(o => o == FiringOutcome.Issued);
        var escalated = await workflow.EscalateOverdueAsync(ct);
        if (issued + escalated > 0) logger.LogInformation("Warning scan: {Issued} issued, {Escalated} escalated", issued, escalated);
    }
}
