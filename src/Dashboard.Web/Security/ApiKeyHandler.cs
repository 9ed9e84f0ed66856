using System.Security.Claims;
using System.Text.Encodings.Web;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

internal sealed class ApiKeyOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates upstream systems by the <c>X-Api-Key</c> header (or <c>access_token</c> query for browser WebSockets).
/// The principal carries the key's name, id, scopes and jurisdiction.
/// </summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ScopeClaim = "api_scope";
    public const string KeyIdClaim = "api_key_id";

    public static string PolicyFor(string scope) => "api:" + scope;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? secret = Request.Headers[Header];
        if (string.IsNullOrEmpty(secret) && Request.Path.StartsWithSegments("/hubs")) secret = Request.Query["access_token"];
        if (string.IsNullOrEmpty(secret)) return AuthenticateResult.NoResult();

        var key = await keys.AuthenticateAsync(secret, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("unknown or revoked API key");

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, key.Name),
            new(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(JurisdictionScope.CodeClaim, key.JurisdictionCode),
            new(JurisdictionScope.PathClaim, key.JurisdictionPath),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "API key required",
            $"Send a valid, unrevoked key in the {Header} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "Not allowed for this API key",
            "The key's scopes do not include this operation.");

    private async Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
