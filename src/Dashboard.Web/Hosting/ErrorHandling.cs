namespace Dashboard.Web.Hosting;

internal static class ErrorHandling
{
    /// <summary>API callers get RFC 7807 problem details for every failure; people get the error page.</summary>
    public static void UseDashboardErrors(this WebApplication app)
    {
        app.UseWhen(c => IsApi(c.Request.Path), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request.Path), ui =>
        {
            if (!app.Environment.IsDevelopment()) ui.UseExceptionHandler("/error", createScopeForErrors: true);
            ui.UseStatusCodePagesWithReExecute("/not-found");
        });
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");
}
