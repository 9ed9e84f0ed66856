using System.Globalization;
using System.Security.Claims;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Validation;

namespace Dashboard.Web.Security;

internal static class ApiPrincipal
{
    /// <summary>The upstream system behind an API request, as the ingestion services need it.</summary>
    public static IngestionSource IngestionSource(this ClaimsPrincipal user) => new(
        int.TryParse(user.FindFirst(ApiKeyHandler.KeyIdClaim)?.Value, CultureInfo.InvariantCulture, out var id) ? id : null,
        JurisdictionScope.Of(user) ?? throw new InvalidOperationException("API principal without jurisdiction"));
}
