using System.Net.Http.Json;
using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Api;

public sealed class AlarmDetailTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Details_mask_parties_and_stay_inside_the_callers_scope()
    {
        var (lat, lon, _, path) = await app.InsideGridAsync();
        await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", new
        {
            externalId = "detail-1", receivedAt = app.Clock.GetUtcNow(), category = "dispute", summary = "s", location = new { lat, lon },
            callerPhone = "13812345678", parties = new[] { new { name = "施某某", idNumber = "320507198001011231", phone = "13812345678" } },
        });
        var id = await app.QueryAsync(db => db.Alarms.Where(a => a.ExternalId == "detail-1").Select(a => a.Id).SingleAsync());
        var queries = app.Services.GetRequiredService<AlarmQueries>();

        var detail = await queries.DetailAsync(id, new JurisdictionScope("/T001/"));
        Assert.NotNull(detail);
        Assert.Equal("138****5678", detail.CallerPhone);
        Assert.Equal(new PartyView("施**", "320507********1231", "138****5678", null), detail.Parties.Single());

        var otherStation = path.StartsWith("/T001/S001/", StringComparison.Ordinal) ? "/T001/S002/" : "/T001/S001/";
        Assert.Null(await queries.DetailAsync(id, new JurisdictionScope(otherStation)));
    }
}
