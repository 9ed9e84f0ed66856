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
        var query = Context.GetHttpContext()?.Request.Query;
        var listener = new LiveListener(scope,
            PackedPositions: Form(query?["positions"].ToString(), "positions", "json", "packed"),
            BatchedAlarms: Form(query?["alarms"].ToString(), "alarms", "single", "batched"));
        foreach (var group in listener.Groups) await Groups.AddToGroupAsync(Context.ConnectionId, group);
        audience.Join(Context.ConnectionId, listener);
        await base.OnConnectedAsync();
    }

    /// <summary>False for the default form (also when the parameter is absent), true for the other; anything else is refused.</summary>
    private static bool Form(string? value, string parameter, string standard, string other) =>
        string.IsNullOrEmpty(value) || value == standard ? false
        : value == other ? true
        : throw new HubException($"{parameter} must be '{standard}' or '{other}', not '{value}'");

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        audience.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public static string GroupOf(string path) => "j:" + path;

    /// <summary>Positions go to a group of their own per node, by the form the connection asked for (<c>?positions=packed</c>).</summary>
    public static string PositionsGroupOf(string path, bool packed) => (packed ? "pp:" : "pj:") + path;

    /// <summary>New alarms too, one <c>alarm</c> message each or one <c>alarms</c> message a batch (<c>?alarms=batched</c>).</summary>
    public static string AlarmsGroupOf(string path, bool batched) => (batched ? "ab:" : "as:") + path;

    /// <summary>The groups of every node that may see a record placed at this path.</summary>
    public static IEnumerable<string> AudienceOf(string path) => NodesAbove(path).Select(GroupOf);

    // The tree has a few hundred nodes; records name them thousands of times a second.
    private static readonly ConcurrentDictionary<string, string[]> Ancestors = new(StringComparer.Ordinal);

    /// <summary>"/T/S1/C2/" → "/T/", "/T/S1/", "/T/S1/C2/".</summary>
    public static IReadOnlyList<string> NodesAbove(string path) => Ancestors.GetOrAdd(path, static p =>
    {
        var nodes = new List<string>();
        for (var i = p.IndexOf('/', 1); i > 0; i = p.IndexOf('/', i + 1)) nodes.Add(p[..(i + 1)]);
        return [.. nodes];
    });
}

/// <summary>One hub connection: its jurisdiction and the forms it asked for.</summary>
public sealed record LiveListener(JurisdictionScope Scope, bool PackedPositions, bool BatchedAlarms)
{
    /// <summary>The hub groups the connection is in.</summary>
    public IReadOnlyList<string> Groups { get; } =
        [LiveHub.GroupOf(Scope.Path), LiveHub.PositionsGroupOf(Scope.Path, PackedPositions), LiveHub.AlarmsGroupOf(Scope.Path, BatchedAlarms)];
}

/// <summary>Who is connected to the hub right now, so figures are computed, and messages built, only for someone.</summary>
public sealed class LiveAudience
{
    private readonly ConcurrentDictionary<string, LiveListener> _connections = new();
    private readonly ConcurrentDictionary<string, int> _members = new(StringComparer.Ordinal);

    public void Join(string connectionId, LiveListener listener)
    {
        if (!_connections.TryAdd(connectionId, listener)) return;
        foreach (var group in listener.Groups) _members.AddOrUpdate(group, 1, (_, n) => n + 1);
    }

    public void Leave(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var listener)) return;
        foreach (var group in listener.Groups) _members.AddOrUpdate(group, 0, (_, n) => n - 1);
    }

    public IReadOnlyCollection<JurisdictionScope> Scopes => _connections.Values.Select(l => l.Scope).Distinct().ToList();

    /// <summary>Whether any connection is in the group, so a message for it is worth building.</summary>
    public bool Listens(string group) => _members.TryGetValue(group, out var n) && n > 0;
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
