using System.Security.Claims;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>Puts the user's jurisdiction (code and tree path) into the cookie, so scoping needs no lookup per request.</summary>
internal sealed class JurisdictionClaimsFactory(
    UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, JurisdictionMap map)
    : UserClaimsPrincipalFactory<DashboardUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DashboardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(JurisdictionScope.CodeClaim, user.JurisdictionCode));
        if (await map.FindAsync(user.JurisdictionCode) is { } node)
            identity.AddClaim(new Claim(JurisdictionScope.PathClaim, node.Path));
        identity.AddClaim(new Claim("display_name", user.DisplayName));
        return identity;
    }
}
