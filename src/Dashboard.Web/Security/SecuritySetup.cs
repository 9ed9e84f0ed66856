using Dashboard.Core.Data;
using Dashboard.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Security;

internal static class SecuritySetup
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static void AddDashboardSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<DashboardUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(30);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<JurisdictionClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "pa.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            // Machines calling the API or the hub get a status code, not a sign-in page.
            o.Events.OnRedirectToLogin = c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => RedirectOrStatus(c, StatusCodes.Status403Forbidden);
        });
        services.AddAuthentication().AddScheme<ApiKeyOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyHandler.SchemeName, p => p.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireAuthenticatedUser());
        foreach (var scope in ApiScopes.All)
            services.AddAuthorizationBuilder().AddPolicy(ApiKeyHandler.PolicyFor(scope), p => p
                .AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireAuthenticatedUser().RequireClaim(ApiKeyHandler.ScopeClaim, scope));

        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitActivity>();
        services.AddScoped<CircuitHandler, CircuitActivityHandler>();
        services.AddScoped<AuthenticationStateProvider, IdleTimeoutAuthenticationStateProvider>();
        services.AddSingleton<ApiKeyService>();
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (Hosting.ErrorHandling.IsApi(context.Request.Path)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
