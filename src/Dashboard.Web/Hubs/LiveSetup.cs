using System.Text.Json.Serialization;
using Dashboard.Core.Live;
using Dashboard.Core.Statistics;

namespace Dashboard.Web.Hubs;

internal static class LiveSetup
{
    public static void AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KpiQueries>();
        builder.Services.AddSingleton<LiveState>();
        builder.Services.AddSingleton<LiveAudience>();
        // JSON by default; MessagePack for screens that take thousands of positions a second (binary, no base64).
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddMessagePackProtocol();
        builder.Services.AddHostedService<LiveHubBroadcaster>();
        builder.Services.AddAuthorizationBuilder().AddLiveHubPolicy();
    }

    public static void MapLive(this WebApplication app) => app.MapHub<LiveHub>(LiveHub.Path);
}
