using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core.Warnings;

public static class WarningServices
{
    public static IServiceCollection AddWarnings(this IServiceCollection services)
    {
        services.AddSingleton<IHouseholdModel, RepeatedDisputeModel>();
        services.AddSingleton<IHouseholdModel, DomesticViolenceModel>();
        services.AddSingleton<IScheduledModel, LongRunningDisputeModel>();
        services.AddSingleton<IScheduledModel, OverdueMediationModel>();
        services.AddSingleton<IScheduledModel, AlarmSurgeModel>();
        services.AddSingleton<IScheduledModel, SlowResponseModel>();
        services.AddSingleton<IScheduledModel, MissedPatrolPointModel>();
        services.AddSingleton<GeofenceWatch>();
        services.AddSingleton<Patrol.CheckInWatch>();
        services.AddSingleton<WarningIssuer>();
        services.AddSingleton<WarningModelSettings>();
        services.AddSingleton<HouseholdIndex>();
        services.AddSingleton<WarningEngine>();
        services.AddSingleton<WarningWorkflow>();
        services.AddSingleton<WarningQueries>();
        services.AddSingleton<WarningSilences>();
        services.AddSingleton<WarningStatistics>();
        services.AddSingleton<WarningModelAdmin>();
        return services;
    }
}
