using Dashboard.Core.Data;
using Dashboard.Web.Api;
using Dashboard.Web.Components;
using Dashboard.Web.Demo;
using Dashboard.Web.Hubs;
using Dashboard.Web.Jobs;
using Dashboard.Web.Security;

namespace Dashboard.Web.Hosting;

/// <summary>The table of contents of the app: each line wires one concern, and each lives beside what it wires.</summary>
public static class DashboardHostExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.AddRepositorySettings();
        builder.AddDashboardLogging();
        builder.Services.AddDashboardData(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddDashboardCore();
        builder.AddDashboardSecurity();
        builder.AddIngestionApi();
        builder.AddLive();
        builder.AddDashboardUi();
        builder.AddJobs();
        builder.AddDemo();
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseDashboardErrors();
        app.UseDashboardStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapIngestionApi();
        app.MapLive();
        app.MapAccountEndpoints();
        app.MapDisputeLedger();
        app.MapStatisticsExport();
        app.MapReports();
        app.MapDashboardUi();
        return app;
    }
}
