using Dashboard.Core.Reports;
using Quartz;

namespace Dashboard.Web.Jobs;

/// <summary>
/// On the 1st of each month (local zone) the previous month's report of every township and station is built. It also runs
/// at start-up, so a run missed while the server was down happens then; reports already built are left as they are.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MonthlyReportJob(MonthlyReports reports, ILogger<MonthlyReportJob> logger) : IJob
{
    public static readonly JobKey Key = new("monthly-report");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var month = reports.LastFinishedMonth;
        var built = await reports.GenerateMissingAsync(month, ct);
        if (built > 0) logger.LogInformation("Monthly reports for {Month}: {Built} built", month, built);
    }
}
