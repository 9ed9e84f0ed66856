using Microsoft.Extensions.FileProviders;

namespace Dashboard.Web.Hosting;

internal static class StaticFileSetup
{
    /// <summary>
    /// The app's own assets, plus the shared front-end folder (our JS modules and the npm libraries) under /shared,
    /// from beside the published app or, in a checkout, from the top of the repository.
    /// </summary>
    public static void UseDashboardStaticFiles(this WebApplication app)
    {
        app.MapStaticAssets();
        var shared = new[] { Path.Combine(app.Environment.ContentRootPath, "wwwroot-shared"),
                             Path.Combine(app.Environment.ContentRootPath, "..", "..", "wwwroot-shared") }
            .Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
        if (shared is null)
        {
            app.Logger.LogWarning("wwwroot-shared not found: maps and scripts will not load");
            return;
        }
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(shared), RequestPath = "/shared" });
    }
}
