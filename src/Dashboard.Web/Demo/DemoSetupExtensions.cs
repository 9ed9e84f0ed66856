using Dashboard.Web.Hosting;

namespace Dashboard.Web.Demo;

internal static class DemoSetupExtensions
{
    public static void AddDemo(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(o => o.Units is >= 1 and <= 100_000, "Demo:Units must be between 1 and 100000").ValidateOnStart();
        services.AddSingleton<DemoSetup>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DemoHistory>();
        services.AddSingleton<DemoDisputes>();
        services.AddSingleton<DemoInvestigations>();
        services.AddSingleton<DemoCredentials>();
        services.AddSingleton<StartupBanner>();
        services.AddHostedService<DemoSimulatorService>();
    }
}
