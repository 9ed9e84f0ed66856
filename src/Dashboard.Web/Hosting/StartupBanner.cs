using Dashboard.Web.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dashboard.Web.Hosting;

/// <summary>What an operator needs after start-up: where the app listens and, in Development, how to get in.</summary>
internal sealed class StartupBanner(IServer server, IHostEnvironment environment, DemoCredentials demo, ILogger<StartupBanner> logger)
{
    public void Print()
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        logger.LogInformation("平安态势 Dashboard is listening on {Urls} ({Environment})", string.Join(", ", urls), environment.EnvironmentName);
        if (!environment.IsDevelopment() || !demo.Ready) return;
        logger.LogInformation("Demo accounts ({Accounts}) share the password: {Password}",
            string.Join(", ", DemoCredentials.Accounts.Select(a => $"{a.UserName}={a.Role}")), demo.Password);
        logger.LogInformation("Demo API key (all scopes, whole township): {ApiKey}", demo.ApiKey);
    }
}
