using System.Net.Http.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Warnings;

/// <summary>Makes real warnings the way they arise: two dispute calls about one household, posted to the ingestion API.</summary>
public sealed class WarningMaker(DashboardAppFactory app)
{
    private static int _next;

    // The test's clock, or the real one when the app runs on it (browser tests).
    private TimeProvider Clock => app.Services.GetRequiredService<TimeProvider>();

    /// <summary>A repeated-dispute warning in the first grid of <paramref name="station"/>, about <paramref name="address"/>.</summary>
    public async Task<Warning> RepeatedDisputeAsync(string station, string address, string summary = "邻里纠纷")
    {
        var grid = await app.QueryAsync(db => db.Jurisdictions
            .Where(n => n.Level == JurisdictionLevel.Grid && n.Path.StartsWith($"/T001/{station}/")).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync());
        var (lat, lon, _, _) = await app.InsideGridAsync(grid);
        var run = Interlocked.Increment(ref _next);
        var (first, second) = ($"110-wc-{run}-a", $"110-wc-{run}-b");
        await PostAsync(first, address, summary, lat, lon);
        if (Clock is FakeTimeProvider fake) fake.Advance(TimeSpan.FromHours(1));
        await PostAsync(second, address, summary, lat, lon);
        return await WaitForAsync(second);
    }

    private async Task PostAsync(string externalId, string address, string summary, double lat, double lon)
    {
        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", new
        {
            externalId, receivedAt = Clock.GetUtcNow(), category = "dispute", subcategory = "dispute.neighbor",
            summary, address, location = new { lat, lon },
        });
        response.EnsureSuccessStatusCode();
    }

    // Warnings are evaluated off the ingest path, in order: the test waits for this one rather than sleeping.
    private async Task<Warning> WaitForAsync(string externalId)
    {
        for (var i = 0; i < 200; i++)
        {
            var warning = await app.QueryAsync(db => db.Warnings.AsNoTracking()
                .Where(w => w.ModelCode == ModelCodes.RepeatedDispute && w.Evidence.Any(e => e.Reference == externalId)).SingleOrDefaultAsync());
            if (warning is not null) return warning;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No warning about {externalId}");
    }
}
