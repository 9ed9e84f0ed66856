using System.Text.Json;
using Dashboard.Core.Alarms;
using Dashboard.Core.Units;
using Dashboard.Web.Hubs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Benchmarks.Bare;

/// <summary>The baseline: the same two POST endpoints and hub path, no authentication, no database, no projection —
/// what SignalR alone costs to fan the same messages out to the same clients.</summary>
public static class BareHubHost
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(BenchOptions options, string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR().AddMessagePackProtocol();
        var app = builder.Build();
        app.MapGet("/readyz", () => "ready");
        app.MapHub<BareHub>("/hubs/live");
        app.MapPost("/api/v1/alarms", PostAlarmsAsync);
        app.MapPost("/api/v1/positions", (HttpRequest request, IHubContext<BareHub> hub) => PostPositionsAsync(request, hub, options.PackedPositions));
        await app.RunAsync();
    }

    private static async Task<IResult> PostAlarmsAsync(HttpRequest request, IHubContext<BareHub> hub)
    {
        using var document = await JsonDocument.ParseAsync(request.Body);
        var root = document.RootElement;
        var alarms = root.ValueKind == JsonValueKind.Array ? root.Deserialize<List<AlarmInput>>(Json)! : [root.Deserialize<AlarmInput>(Json)!];
        _ = hub.Clients.All.SendAsync(LiveMessages.Alarms, alarms.Select(BareAlarmMessage.Of).ToList());
        return TypedResults.Created((string?)null, alarms.Select(a => new { a.ExternalId, duplicate = false }));
    }

    private static async Task<IResult> PostPositionsAsync(HttpRequest request, IHubContext<BareHub> hub, bool packed)
    {
        var positions = await JsonSerializer.DeserializeAsync<List<PositionInput>>(request.Body, Json) ?? [];
        _ = packed
            ? hub.Clients.All.SendAsync(LiveMessages.PositionsPacked, PackedPositions.Pack(positions.Select(BarePositionMessage.Moved).ToList()))
            : hub.Clients.All.SendAsync(LiveMessages.Positions, positions.Select(BarePositionMessage.Of).ToList());
        return TypedResults.Ok(new { accepted = positions.Count, stale = 0, unknownUnits = Array.Empty<string>() });
    }
}

public sealed class BareHub : Hub;
