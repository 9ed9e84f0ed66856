using System.Net.Http.Json;

namespace Dashboard.Web.Tests.Statistics;

/// <summary>
/// Alarms posted through the real ingestion API in one batch, each at its grid's centre: the API key's rate limit is for
/// callers, not for a test that needs dozens of alarms.
/// </summary>
internal static class AlarmBatch
{
    public static async Task PostAsync(DashboardAppFactory app, IEnumerable<(string ExternalId, DateTimeOffset At, string Category, string Grid)> alarms)
    {
        var batch = new List<object>();
        foreach (var (externalId, at, category, grid) in alarms)
        {
            var (lat, lon, _, _) = await app.InsideGridAsync(grid);
            batch.Add(new { externalId, receivedAt = at, category, summary = "统计测试", location = new { lat, lon } });
        }
        (await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", batch)).EnsureSuccessStatusCode();
    }
}
