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
        builder.Services.AddHostedService<CaseBucketFollower>();
        // A wrong zone is reported by the options check at start-up; here it must not throw first.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(builder.Configuration["Dashboard:TimeZone"] ?? "Asia/Shanghai", out var z) ? z : TimeZoneInfo.Utc;
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<DisputeSupervisionJob>(j => j.WithIdentity(DisputeSupervisionJob.Key));
            // Starts at once, so a scan missed while the server was down runs on start-up.
            q.AddTrigger(t => t.ForJob(DisputeSupervisionJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(SupervisionInterval).RepeatForever()));
            q.AddJob<WarningScanJob>(j => j.WithIdentity(WarningScanJob.Key));
            q.AddTrigger(t => t.ForJob(WarningScanJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(WarningScanInterval).RepeatForever()));
            q.AddJob<AlarmBucketRebuildJob>(j => j.WithIdentity(AlarmBucketRebuildJob.Key));
            q.AddTrigger(t => t.ForJob(AlarmBucketRebuildJob.Key).WithCronSchedule("0 30 3 * * ?", c => c.InTimeZone(zone)));
            q.AddTrigger(t => t.ForJob(AlarmBucketRebuildJob.Key).StartNow());
            q.AddJob<MonthlyReportJob>(j => j.WithIdentity(MonthlyReportJob.Key));
            q.AddTrigger(t => t.ForJob(MonthlyReportJob.Key).WithCronSchedule("0 10 0 1 * ?", c => c.InTimeZone(zone)));
            q.AddTrigger(t => t.ForJob(MonthlyReportJob.Key).StartNow());
            q.AddJob<TrackRetentionJob>(j => j.WithIdentity(TrackRetentionJob.Key));
            q.AddTrigger(t => t.ForJob(TrackRetentionJob.Key).WithCronSchedule("0 45 3 * * ?", c => c.InTimeZone(zone)));
        });
        // Jobs wait for the start-up tasks (schema, demo), so none reads a database that is not there yet.
        builder.Services.AddQuartzHostedService(o => (o.WaitForJobsToComplete, o.AwaitApplicationStarted) = (true, true));
    }
}
