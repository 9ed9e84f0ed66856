using Dashboard.Core.Disputes;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Demo;

internal static class DemoSetupExtensions
{
    public static void AddDemo(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddOptions<DisputeDeadlines>().BindConfiguration(DisputeDeadlines.Section);
        services.AddSingleton<DemoSetup>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DemoHistory>();
        services.AddSingleton<DemoDisputes>();
        services.AddSingleton<DemoCredentials>();
        services.AddSingleton<StartupBanner>();
        services.AddHostedService<DemoSimulatorService>();
    }
}
