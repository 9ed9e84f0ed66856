using Serilog;
using Serilog.Events;

namespace Dashboard.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>Console and a daily rolling file always; Seq when <c>Seq:ServerUrl</c> is set.</summary>
    public static void AddDashboardLogging(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSerilog((services, log) =>
        {
            var config = services.GetRequiredService<IConfiguration>();
            var logDir = Path.GetFullPath(Path.Combine(contentRoot, config["Logging:Directory"] ?? "logs"));
            log.MinimumLevel.Information()
               .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
               .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
               .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
               .Enrich.FromLogContext()
               .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
               .WriteTo.File(Path.Combine(logDir, "dashboard-.log"), rollingInterval: RollingInterval.Day,
                   retainedFileCountLimit: 31, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            if (config["Seq:ServerUrl"] is { Length: > 0 } seqUrl) log.WriteTo.Seq(seqUrl, apiKey: config["Seq:ApiKey"]);
        }, preserveStaticLogger: true); // each host owns its logger; nothing here uses the static Log
    }
}
