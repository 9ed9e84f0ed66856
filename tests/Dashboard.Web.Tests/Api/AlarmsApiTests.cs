using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Api;

public sealed class AlarmsApiTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private async Task<object> AlarmAsync(string externalId, string? gridCode = "G001", object? extra = null)
    {
        var (lat, lon, _, _) = await app.InsideGridAsync(gridCode ?? "G001");
        return new
        {
            externalId, receivedAt = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), category = "dispute",
            subcategory = "dispute.family", priority = 2, summary = "夫妻吵架，女方报警", address = "青湖镇渭南村14号",
            location = gridCode is null ? null : new { lat, lon }, callerPhone = "13812345678",
            parties = new[] { new { name = "施某", idNumber = "320507198001011231", phone = "13812345678", role = "caller" } },
        };
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_valid_alarm_is_stored_and_placed_in_its_grid_by_location()
    {
        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", await AlarmAsync("110-valid-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal("G001", body.GetProperty("gridCode").GetString());
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        var (_, _, _, path) = await app.InsideGridAsync();
        var stored = await app.QueryAsync(db => db.Alarms.Include(a => a.Parties).SingleAsync(a => a.ExternalId == "110-valid-1"));
        Assert.Equal(path, stored.JurisdictionPath);
        Assert.Equal(body.GetProperty("stationCode").GetString(), stored.StationCode);
        Assert.Equal("施某", stored.Parties.Single().Name);
    }

    [Fact]
    public async Task A_repeat_of_an_external_id_answers_the_original_result_and_stores_nothing_new()
    {
        var client = app.ApiClient();
        var first = await JsonOf(await client.PostAsJsonAsync("/api/v1/alarms", await AlarmAsync("110-dup-1")));
        var repeat = await client.PostAsJsonAsync("/api/v1/alarms", await AlarmAsync("110-dup-1", "G002"));

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var body = await JsonOf(repeat);
        Assert.True(body.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("id").GetInt64(), body.GetProperty("id").GetInt64());
        Assert.Equal("G001", body.GetProperty("gridCode").GetString());
        Assert.Equal(1, await app.QueryAsync(db => db.Alarms.CountAsync(a => a.ExternalId == "110-dup-1")));
    }

    [Fact]
    public async Task Invalid_fields_are_each_named_in_a_validation_problem()
    {
        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", new
        {
            externalId = "", receivedAt = app.Clock.GetUtcNow().AddHours(1), category = "alien", summary = "", priority = 9,
            location = new { lat = 95.0, lon = 10.0 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonOf(response)).GetProperty("errors");
        foreach (var field in new[] { "externalId", "receivedAt", "category", "summary", "priority", "location.lat" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
    }

    [Theory]
    [InlineData("2026-11-23T08:15:00", "receivedAt")]
    [InlineData("yesterday", "receivedAt")]
    public async Task A_time_without_offset_or_in_another_format_is_refused(string receivedAt, string field)
    {
        var json = $$"""{"externalId":"110-tz","receivedAt":"{{receivedAt}}","category":"other","summary":"x"}""";
        var response = await app.ApiClient().PostAsync("/api/v1/alarms", JsonContent.Of(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonOf(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_not_a_crash()
    {
        var response = await app.ApiClient().PostAsync("/api/v1/alarms", JsonContent.Of("{\"externalId\": \"x\", "));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Body is not valid JSON", (await JsonOf(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_mixed_batch_stores_the_good_items_and_reports_the_bad_ones_by_index()
    {
        var client = app.ApiClient();
        await client.PostAsJsonAsync("/api/v1/alarms", await AlarmAsync("110-mix-dup"));
        var batch = new object[]
        {
            await AlarmAsync("110-mix-1"), new { externalId = "110-mix-bad", category = "other" }, await AlarmAsync("110-mix-dup"),
            "not an object", await AlarmAsync("110-mix-2", gridCode: null),
        };
        var response = await client.PostAsJsonAsync("/api/v1/alarms", batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal((2, 1, 2), (body.GetProperty("created").GetInt32(), body.GetProperty("duplicates").GetInt32(), body.GetProperty("rejected").GetInt32()));
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3, 4], items.Select(i => i.GetProperty("index").GetInt32()));
        Assert.True(items[1].GetProperty("errors").TryGetProperty("receivedAt", out _));
        Assert.True(items[3].GetProperty("errors").TryGetProperty("$", out _));
        Assert.Equal(2, await app.QueryAsync(db => db.Alarms.CountAsync(a => a.ExternalId == "110-mix-1" || a.ExternalId == "110-mix-2")));
    }

    [Fact]
    public async Task An_alarm_without_location_belongs_to_the_senders_jurisdiction()
    {
        var body = await JsonOf(await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", await AlarmAsync("110-noloc", gridCode: null)));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("gridCode").ValueKind);
        Assert.Equal("/T001/", await app.QueryAsync(db => db.Alarms.Where(a => a.ExternalId == "110-noloc").Select(a => a.JurisdictionPath).SingleAsync()));
    }

    [Fact]
    public async Task A_station_key_cannot_post_an_alarm_located_in_another_station()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var s1Key = await keys.CreateAsync("station-1 terminal", "S001", [ApiScopes.Alarms], "test");
        var foreignGrid = await app.QueryAsync(db => db.Jurisdictions
            .Where(n => n.Level == Core.Jurisdictions.JurisdictionLevel.Grid && !n.Path.StartsWith("/T001/S001/")).Select(n => n.Code).FirstAsync());

        var response = await app.ApiClient(s1Key).PostAsJsonAsync("/api/v1/alarms", await AlarmAsync("110-foreign", foreignGrid));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonOf(response)).GetProperty("errors").TryGetProperty("location", out _));
    }

    [Fact]
    public async Task More_than_a_thousand_alarms_in_one_batch_are_refused_whole()
    {
        var batch = Enumerable.Range(0, 1001).Select(i => new { externalId = $"b{i}" }).ToArray();
        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", batch);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_with_413()
    {
        var response = await app.ApiClient().PostAsync("/api/v1/alarms",
            JsonContent.Of($$"""{"externalId":"big","summary":"{{new string('x', 1_100_000)}}"}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_sent_without_a_length_is_refused_with_413()
    {
        var body = System.Text.Encoding.UTF8.GetBytes($$"""[{"externalId":"big","summary":"{{new string('x', 1_100_000)}}"}]""");
        var response = await app.ApiClient().PostAsync("/api/v1/alarms", new UnsizedJson(body));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A body whose length is not announced (sent chunked), so only reading it can find it too large.</summary>
    private sealed class UnsizedJson : HttpContent
    {
        private readonly byte[] _body;

        public UnsizedJson(byte[] body)
        {
            _body = body;
            Headers.ContentType = new("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("pak_wrong")]
    public async Task Without_a_valid_key_the_api_answers_401_problem(string? key)
    {
        var response = await app.ApiClient(key).PostAsJsonAsync("/api/v1/alarms", await AlarmAsync("110-unauth"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await app.QueryAsync(db => db.Alarms.CountAsync(a => a.ExternalId == "110-unauth")));
    }

    [Fact]
    public async Task A_key_without_the_alarms_scope_gets_403_and_a_revoked_key_401()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var gpsOnly = await keys.CreateAsync("gps", "T001", [ApiScopes.Positions], "test");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(gpsOnly).PostAsJsonAsync("/api/v1/alarms", await AlarmAsync("110-scope"))).StatusCode);

        var id = await app.QueryAsync(db => db.ApiKeys.Where(k => k.Name == "gps").Select(k => k.Id).SingleAsync());
        await keys.RevokeAsync(id, "test");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(gpsOnly).PostAsJsonAsync("/api/v1/positions", Array.Empty<object>())).StatusCode);
    }

    [Fact]
    public async Task Status_events_apply_once_and_tolerate_disorder()
    {
        var client = app.ApiClient();
        await client.PostAsJsonAsync("/api/v1/alarms", await AlarmAsync("110-ev"));
        var now = app.Clock.GetUtcNow();

        var onScene = await JsonOf(await client.PostAsJsonAsync("/api/v1/alarms/110-ev/events", new { status = "OnScene", at = now, unitCode = "S001-PC01" }));
        var dispatched = await JsonOf(await client.PostAsJsonAsync("/api/v1/alarms/110-ev/events", new { status = "Dispatched", at = now.AddMinutes(-5), unitCode = "S001-PC01" }));
        var repeat = await JsonOf(await client.PostAsJsonAsync("/api/v1/alarms/110-ev/events", new { status = "Dispatched", at = now.AddMinutes(-5) }));

        Assert.Equal("OnScene", onScene.GetProperty("status").GetString());
        Assert.Equal("OnScene", dispatched.GetProperty("status").GetString());
        Assert.True(dispatched.GetProperty("applied").GetBoolean());
        Assert.False(repeat.GetProperty("applied").GetBoolean());
        var unit = await app.QueryAsync(db => db.Units.SingleAsync(u => u.Code == "S001-PC01"));
        Assert.Equal(Core.Units.UnitStatus.OnScene, unit.Status);
    }

    [Fact]
    public async Task Events_for_unknown_alarms_are_404_and_bad_statuses_400()
    {
        var client = app.ApiClient();
        var unknown = await client.PostAsJsonAsync("/api/v1/alarms/nope/events", new { status = "Closed", at = app.Clock.GetUtcNow() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var bad = await client.PostAsJsonAsync("/api/v1/alarms/nope/events", new { status = "1", at = app.Clock.GetUtcNow() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_openapi_description_lists_the_ingestion_endpoints()
    {
        var doc = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/alarms", doc);
        Assert.Contains("/api/v1/positions", doc);
        Assert.Contains("/api/v1/alarms/{externalId}/events", doc);
    }
}

public sealed class HostileInputTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00 })]
    public async Task Bytes_that_are_not_utf8_json_get_a_400_problem(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var response = await app.ApiClient().PostAsync("/api/v1/alarms", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_not_crashed_on()
    {
        var json = new string('[', 500) + new string(']', 500);
        var response = await app.ApiClient().PostAsync("/api/v1/positions", JsonContent.Of(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await app.ApiClient().PostAsync("/api/v1/alarms", new StringContent("externalId=1", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
