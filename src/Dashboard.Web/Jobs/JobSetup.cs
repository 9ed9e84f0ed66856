using Quartz;

namespace Dashboard.Web.Jobs;

internal static class JobSetup
{
    private static readonly TimeSpan SupervisionInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan WarningScanInterval = TimeSpan.FromMinutes(1);

    public static void AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Core.Disputes.DisputeSupervision>();
        builder.Services.AddHostedService<WarningTriggers>();
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<DisputeSupervisionJob>(j => j.WithIdentity(DisputeSupervisionJob.Key));
            // Starts at once, so a scan missed while the server was down runs on start-up.
            q.AddTrigger(t => t.ForJob(DisputeSupervisionJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(SupervisionInterval).RepeatForever()));
            q.AddJob<WarningScanJob>(j => j.WithIdentity(WarningScanJob.Key));
            q.AddTrigger(t => t.ForJob(WarningScanJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(WarningScanInterval).RepeatForever()));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
