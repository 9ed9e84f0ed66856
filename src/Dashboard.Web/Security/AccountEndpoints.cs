using Dashboard.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Security;

public sealed record LoginForm(string? UserName, string? Password, string? ReturnUrl);

internal static class AccountEndpoints
{
    /// <summary>Sign-in and sign-out as plain form posts: the cookie is set on an HTTP response, not inside a circuit.</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", SignInAsync);
        account.MapPost("/logout", SignOutAsync).RequireAuthorization();
        // Pinged by the page while its user is active, which slides the cookie's 30-minute window.
        account.MapPost("/keepalive", () => TypedResults.NoContent()).RequireAuthorization().DisableAntiforgery();
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] LoginForm form, HttpContext http, SignInManager<DashboardUser> signIn, AuditLog audit)
    {
        var userName = (form.UserName ?? "").Trim();
        var ip = http.Connection.RemoteIpAddress?.ToString();
        if (userName.Length == 0 || string.IsNullOrEmpty(form.Password))
            return Redirect("missing", form.ReturnUrl);

        var result = await signIn.PasswordSignInAsync(userName, form.Password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result switch
        {
            { Succeeded: true } => "ok",
            { IsLockedOut: true } => "locked",
            { IsNotAllowed: true } => "notallowed",
            _ => "invalid",
        };
        await audit.WriteAsync(userName, "login", detail: outcome, ipAddress: ip, success: result.Succeeded);
        if (!result.Succeeded) return Redirect(outcome, form.ReturnUrl);

        var user = await signIn.UserManager.FindByNameAsync(userName);
        var roles = user is null ? [] : await signIn.UserManager.GetRolesAsync(user);
        return TypedResults.LocalRedirect(HomeFor(roles, form.ReturnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, SignInManager<DashboardUser> signIn, AuditLog audit)
    {
        await audit.WriteAsync(http.User.Identity?.Name ?? "?", "logout", ipAddress: http.Connection.RemoteIpAddress?.ToString());
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    /// <summary>Where a person lands after signing in: the page they asked for, else their role's home.</summary>
    public static string HomeFor(IList<string> roles, string? returnUrl)
    {
        if (!string.IsNullOrEmpty(returnUrl) && IsLocal(returnUrl) && returnUrl != "/") return returnUrl;
        if (roles.Contains(Roles.Admin)) return "/admin/api-keys";
        return "/";
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Redirect(string error, string? returnUrl) =>
        TypedResults.Redirect($"/account/login?error={error}" +
            (string.IsNullOrEmpty(returnUrl) || !IsLocal(returnUrl) ? "" : "&ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
}
