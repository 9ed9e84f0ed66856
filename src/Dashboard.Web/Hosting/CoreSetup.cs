using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Live;
using Dashboard.Core.Time;
using Microsoft.Extensions.Options;
using Dashboard.Core.Units;
using Dashboard.Core.Warnings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Hosting;

/// <summary>Settings of the installation as a whole.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Zone in which days and months are cut and times are shown (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

internal static class CoreSetup
{
    public static void AddDashboardCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Dashboard:TimeZone is not a known time zone")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ILiveBus, InProcessLiveBus>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<AlarmIngestion>();
        services.AddSingleton<AlarmStatusUpdates>();
        services.AddSingleton<AlarmQueries>();
        services.AddSingleton<Dashboard.Core.Jurisdictions.MapLayers>();
        services.AddOptions<Dashboard.Web.Components.Live.MapOptions>().BindConfiguration(Dashboard.Web.Components.Live.MapOptions.Section);
        services.AddSingleton<PositionIngestion>();
        services.AddSingleton<TrackQueries>();
        services.AddOptions<TrackRetentionOptions>().BindConfiguration(TrackRetentionOptions.Section)
            .Validate(o => o.RetentionDays >= 0, "Tracks:RetentionDays must be 0 (keep forever) or a number of days").ValidateOnStart();
        services.AddSingleton<TrackRetention>();
        services.AddSingleton<Dashboard.Core.Statistics.ChartQueries>();
        services.AddSingleton<Dashboard.Core.Statistics.StatisticsExport>();
        services.AddSingleton<Dashboard.Core.Statistics.AlarmBuckets>();
        services.AddSingleton<Dashboard.Core.Statistics.CaseBuckets>();
        services.AddSingleton<Dashboard.Core.Statistics.AlarmCounts>();
        services.AddSingleton<Dashboard.Core.Statistics.ResponseTimes>();
        services.AddSingleton<Dashboard.Core.Disputes.DisputeBacklogQueries>();
        services.AddOptions<Dashboard.Core.Disputes.DisputeDeadlines>().BindConfiguration(Dashboard.Core.Disputes.DisputeDeadlines.Section)
            .Validate(o => o.RedDays > 0 && o.YellowDays > 0 && o.GreenDays > 0 && o.ExtraDaysPerLevel >= 0 && o.RedWarningHours >= 0,
                "Disputes:Deadlines must be positive numbers of days").ValidateOnStart();
        services.AddSingleton<Dashboard.Core.Disputes.DisputeIntake>();
        services.AddSingleton<Dashboard.Core.Disputes.DisputeWorkflow>();
        services.AddSingleton<Dashboard.Core.Disputes.DisputeQueries>();
        services.AddSingleton<Dashboard.Core.Disputes.DisputeLedger>();
        services.AddSingleton<Dashboard.Core.Investigations.InvestigationRegister>();
        services.AddSingleton<Dashboard.Core.Investigations.InvestigationQueries>();
        services.AddSingleton<Dashboard.Core.Reports.MonthlyReportBuilder>();
        services.AddSingleton<Dashboard.Core.Reports.MonthlyReports>();
        services.AddSingleton<Dashboard.Web.Reports.ReportDocuments>();
        services.AddSingleton<Dashboard.Core.Displays.DisplayTokenService>();
        services.AddWarnings();
        services.AddSingleton(sp => new LocalCalendar(
            sp.GetRequiredService<IOptions<DashboardOptions>>().Value.Zone, sp.GetRequiredService<TimeProvider>()));
    }
}
