using System.Security.Claims;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;

namespace Dashboard.Web.Security;

internal static class CaseActors
{
    /// <summary>The signed-in person as the dispute workflow sees them; null without a jurisdiction.</summary>
    public static CaseActor? Of(ClaimsPrincipal user) =>
        JurisdictionScope.Of(user) is { } scope && user.Identity?.Name is { } name
            ? new CaseActor(name, scope, Roles.All.Where(user.IsInRole).ToHashSet())
            : null;
}
