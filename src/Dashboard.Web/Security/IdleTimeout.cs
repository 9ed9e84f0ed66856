using System.Security.Claims;
using Dashboard.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Web.Security;

/// <summary>When the person behind this circuit last did something (a click, a key, a navigation).</summary>
internal sealed class CircuitActivity(TimeProvider clock)
{
    public DateTimeOffset LastActivity { get; private set; } = clock.GetUtcNow();
    public void Touch() => LastActivity = clock.GetUtcNow();
}

internal sealed class CircuitActivityHandler(CircuitActivity activity) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => context =>
    {
        activity.Touch();
        return next(context);
    };
}

/// <summary>
/// An interactive circuit outlives its cookie, so the idle timeout is enforced here too: a person idle for 30 minutes
/// is signed out of the open page. Display screens are exempt (they run unattended by design).
/// </summary>
internal sealed class IdleTimeoutAuthenticationStateProvider(
    ILoggerFactory loggerFactory, CircuitActivity activity, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        Task.FromResult(IsStillValid(state.User, activity.LastActivity, clock.GetUtcNow()));

    public static bool IsStillValid(ClaimsPrincipal user, DateTimeOffset lastActivity, DateTimeOffset now) =>
        user.IsInRole(Roles.Display) || now - lastActivity < SecuritySetup.IdleTimeout;
}
