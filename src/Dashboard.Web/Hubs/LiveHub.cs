using System.Collections.Concurrent;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Hubs;

/// <summary>
/// <c>/hubs/live</c> for external screens: signed-in people or upstream keys with the <c>live</c> scope. Each connection
/// joins the one group of its jurisdiction node; a message goes to the groups of its record's node and every ancestor,
/// so a station chief never receives another station's rows.
/// </summary>
[Authorize(Policy = LiveHub.Policy)]
public sealed class LiveHub(LiveAudience audience) : Hub
{
    public const string Path = "/hubs/live";
    public const string Policy = "live-hub";

    public override async Task OnConnectedAsync()
    {
        var scope = JurisdictionScope.Of(Context.User!) ?? throw new HubException("no jurisdiction");
        var packed = Context.GetHttpContext()?.Request.Query["positions"].ToString() switch
        {
            "" or "json" => false,
            "packed" => true,
            var other => throw new HubException($"positions must be 'json' or 'packed', not '{other}'"),
        };
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(scope.Path));
        await Groups.AddToGroupAsync(Context.ConnectionId, PositionsGroupOf(scope.Path, packed));
        audience.Join(Context.ConnectionId, scope);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        audience.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public static string GroupOf(string path) => "j:" + path;

    /// <summary>Positions go to a group of their own per node, by the form the connection asked for (<c>?positions=packed</c>).</summary>
    public static string PositionsGroupOf(string path, bool packed) => (packed ? "pp:" : "pj:") + path;

    /// <summary>The groups of every node that may see a record placed at this path.</summary>
    public static IEnumerable<string> AudienceOf(string path) => NodesAbove(path).Select(GroupOf);

    /// <summary>"/T/S1/C2/" → "/T/", "/T/S1/", "/T/S1/C2/".</summary>
    public static IEnumerable<string> NodesAbove(string path)
    {
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1)) yield return path[..(i + 1)];
    }
}

/// <summary>Which jurisdiction scopes have a hub connection right now, so figures are computed only for those.</summary>
public sealed class LiveAudience
{
    private readonly ConcurrentDictionary<string, JurisdictionScope> _connections = new();

    public void Join(string connectionId, JurisdictionScope scope) => _connections[connectionId] = scope;
    public void Leave(string connectionId) => _connections.TryRemove(connectionId, out _);
    public IReadOnlyCollection<JurisdictionScope> Scopes => _connections.Values.Distinct().ToList();
}

internal static class LiveHubPolicy
{
    public static void AddLiveHubPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(LiveHub.Policy, p => p
            .AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, Security.ApiKeyHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.IsInRole(Roles.Admin) || c.User.IsInRole(Roles.Leader) || c.User.IsInRole(Roles.StationChief)
                || c.User.IsInRole(Roles.Officer) || c.User.IsInRole(Roles.Staff) || c.User.IsInRole(Roles.Display)
                || c.User.HasClaim(Security.ApiKeyHandler.ScopeClaim, ApiScopes.Live)));
}
