using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Disputes;

public sealed class DisputesApiTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private async Task<object> HotlineDisputeAsync(string externalId, string category = "Neighbor", object? parties = null)
    {
        var (lat, lon, _, _) = await app.InsideGridAsync("G002");
        return new
        {
            externalId, reportedAt = app.Clock.GetUtcNow(), source = "Hotline", category, risk = "Yellow",
            description = "12345转办：楼上漏水引发邻里纠纷", address = "青湖镇幸福村5组", location = new { lat, lon }, peopleInvolved = 3,
            parties = parties ?? new[] { new { name = "王某某", phone = "13912345678", idNumber = "320507198001011231", role = "申请人" } },
        };
    }

    [Fact]
    public async Task A_hotline_dispute_is_registered_in_its_grid_with_a_case_number_and_a_repeat_answers_the_same_case()
    {
        var body = await HotlineDisputeAsync("12345-0001");

        var first = await app.ApiClient().PostAsJsonAsync("/api/v1/disputes", body);
        var again = await app.ApiClient().PostAsJsonAsync("/api/v1/disputes", body);

        Assert.True(HttpStatusCode.Created == first.StatusCode, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var repeat = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.GetProperty("id").GetInt64(), repeat.GetProperty("id").GetInt64());
        Assert.True(repeat.GetProperty("duplicate").GetBoolean());
        Assert.Equal("G002", created.GetProperty("gridCode").GetString());
        Assert.Matches(@"^JF-\d{4}-\d{6}$", created.GetProperty("caseNumber").GetString());

        var stored = await app.QueryAsync(db => db.Disputes.Include(d => d.Parties).Include(d => d.Events).SingleAsync(d => d.ExternalId == "12345-0001"));
        Assert.Equal(DisputeSource.Hotline, stored.Source);
        Assert.Equal(DisputeCategory.Neighbor, stored.Category);
        Assert.Equal(DisputeStatus.Registered, stored.Status);
        Assert.Equal("王某某", stored.Parties.Single().Name);
        Assert.Equal(["register"], stored.Events.Select(e => e.Action));
        Assert.Equal(1, await app.QueryAsync(db => db.Disputes.CountAsync(d => d.ExternalId == "12345-0001")));
    }

    [Fact]
    public async Task In_a_batch_each_bad_item_is_named_and_the_good_ones_are_stored()
    {
        var batch = new[]
        {
            await HotlineDisputeAsync("12345-b1"),
            await HotlineDisputeAsync("12345-b2", category: "Gossip"),
            await HotlineDisputeAsync("12345-b3", parties: new[] { new { name = "李某", idNumber = "123" } }),
            await HotlineDisputeAsync("12345-b4", parties: Array.Empty<object>()),
        };

        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/disputes", batch);

        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(3, result.GetProperty("rejected").GetInt32());
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items[1].GetProperty("errors").TryGetProperty("category", out _));
        Assert.True(items[2].GetProperty("errors").TryGetProperty("parties[0].idNumber", out _));
        Assert.True(items[3].GetProperty("errors").TryGetProperty("parties", out _));
        Assert.Equal("12345-b3", items[2].GetProperty("externalId").GetString());
        Assert.Equal(["12345-b1"], await app.QueryAsync(db => db.Disputes.Where(d => d.ExternalId!.StartsWith("12345-b")).Select(d => d.ExternalId!).ToListAsync()));
    }

    [Fact]
    public async Task Upstream_may_not_claim_to_be_staff_and_a_key_without_the_disputes_scope_is_refused()
    {
        var staff = JsonSerializer.SerializeToElement(await HotlineDisputeAsync("12345-staff"));
        var asStaff = JsonSerializer.Deserialize<Dictionary<string, object>>(staff.GetRawText())!;
        asStaff["source"] = "Staff";
        var refused = await app.ApiClient().PostAsJsonAsync("/api/v1/disputes", asStaff);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("source", await refused.Content.ReadAsStringAsync());

        var alarmsOnly = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync("110 only", "T001", [ApiScopes.Alarms], "test");
        var forbidden = await app.ApiClient(alarmsOnly).PostAsJsonAsync("/api/v1/disputes", await HotlineDisputeAsync("12345-noscope"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_station_key_cannot_register_a_dispute_in_another_station()
    {
        var s2Grid = await app.QueryAsync(db => db.Jurisdictions
            .Where(n => n.Level == JurisdictionLevel.Grid && n.Path.StartsWith("/T001/S002/")).Select(n => n.Code).FirstAsync());
        var (lat, lon, _, _) = await app.InsideGridAsync(s2Grid);
        var s1Key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync("s1 grid app", "S001", [ApiScopes.Disputes], "test");

        var response = await app.ApiClient(s1Key).PostAsJsonAsync("/api/v1/disputes", new
        {
            externalId = "grid-s2-1", reportedAt = app.Clock.GetUtcNow(), source = "GridApp", category = "Labor", risk = "Red",
            description = "工地欠薪", location = new { lat, lon }, parties = new[] { new { name = "赵某" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("location", await response.Content.ReadAsStringAsync());
    }
}
