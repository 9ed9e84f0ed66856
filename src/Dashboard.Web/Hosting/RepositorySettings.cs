using Microsoft.Extensions.Configuration.Json;

namespace Dashboard.Web.Hosting;

internal static class RepositorySettings
{
    /// <summary>
    /// In Development the settings file at the top of the repository applies too, just after the project's own
    /// appsettings files, so environment variables and the command line still override it.
    /// </summary>
    public static void AddRepositorySettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return;
        var file = FindUpwards(builder.Environment.ContentRootPath, "appsettings.Development.json", "Dashboard.sln");
        if (file is null) return;
        var sources = builder.Configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i;
        var source = new JsonConfigurationSource { Path = file, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(lastJson + 1, source);
    }

    private static string? FindUpwards(string start, string fileName, string marker)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, marker)))
                return File.Exists(Path.Combine(dir.FullName, fileName)) ? Path.Combine(dir.FullName, fileName) : null;
        }
        return null;
    }
}
