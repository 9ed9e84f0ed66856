using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Demo;

/// <summary>Prepares the demo at start-up: the synthetic jurisdiction and history in an empty database, the accounts and the key.</summary>
internal sealed class DemoSetup(
    IOptions<DemoOptions> options, IHostEnvironment environment, IDbContextFactory<DashboardDbContext> dbFactory,
    DemoSeeder seeder, DemoCredentials credentials, ILogger<DemoSetup> logger)
{
    public bool SeedEnabled => options.Value.Seed ?? environment.IsDevelopment();

    public async Task PrepareAsync(CancellationToken ct)
    {
        if (SeedEnabled)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Jurisdictions.AnyAsync(ct))
            {
                var started = TimeProvider.System.GetTimestamp();
                await seeder.SeedAsync(options.Value.HistoryDays, options.Value.Units, ct);
                logger.LogInformation("Seeded the demo jurisdiction and {Days} days of history in {Elapsed:F1} s",
                    options.Value.HistoryDays, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            }
        }
        if (environment.IsDevelopment()) await credentials.EnsureAsync(ct);
    }
}
