using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Api;

public sealed class PositionsApiTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Valid_fixes_are_stored_unknown_units_reported_and_bad_items_rejected_by_index()
    {
        var (lat, lon, _, _) = await app.InsideGridAsync();
        var at = app.Clock.GetUtcNow();
        var batch = new object[]
        {
            new { unitCode = "S001-PC02", at, lat, lon, speedKmh = 35.0, heading = 90.0 },
            new { unitCode = "GHOST-1", at, lat, lon },
            new { unitCode = "S001-PC03", at, lat = 200.0, lon },
            new { unitCode = "S001-PC03", at = "soon", lat, lon },
        };
        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/positions", batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(["GHOST-1"], body.GetProperty("unknownUnits").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal([2, 3], body.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        var latest = await app.QueryAsync(db => db.UnitPositions.Join(db.Units, p => p.UnitId, u => u.Id, (p, u) => new { u.Code, p.Lat })
            .SingleAsync(x => x.Code == "S001-PC02"));
        Assert.Equal(lat, latest.Lat, 6);
    }

    [Fact]
    public async Task A_single_object_or_an_empty_array_is_not_a_position_batch()
    {
        var client = app.ApiClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/positions", new { unitCode = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/positions", Array.Empty<object>())).StatusCode);
    }

    [Fact]
    public async Task Reference_data_gives_upstream_systems_grids_and_units()
    {
        var body = JsonDocument.Parse(await app.ApiClient().GetStringAsync("/api/v1/reference")).RootElement;
        Assert.Equal("T001", body.GetProperty("jurisdiction").GetProperty("code").GetString());
        Assert.Equal(3, body.GetProperty("stations").GetArrayLength());
        Assert.InRange(body.GetProperty("grids").GetArrayLength(), 55, 65);
        Assert.True(body.GetProperty("grids")[0].GetProperty("ring").GetArrayLength() >= 4);
        Assert.InRange(body.GetProperty("units").GetArrayLength(), 75, 85);
    }
}

public sealed class RateLimitedApp : DashboardAppFactory
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Api:RateLimit:PermitsPerSecond"] = "1";
        settings["Api:RateLimit:Burst"] = "2";
    }
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task A_key_over_its_budget_gets_429_with_retry_after_while_health_stays_up()
    {
        var client = app.ApiClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) responses.Add(await client.GetAsync("/api/v1/reference"));

        Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
        var limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);
    }
}
