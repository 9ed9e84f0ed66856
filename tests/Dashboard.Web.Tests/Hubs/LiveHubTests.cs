using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Dashboard.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Hubs;

public sealed class LiveHubTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private HubConnection Build(string key, string query = "", bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "hubs/live" + query), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["X-Api-Key"] = key;
            });
        if (messagePack) builder.AddMessagePackProtocol();
        return builder.Build();
    }

    private async Task<(HubConnection Hub, ConcurrentQueue<JsonElement> Alarms)> ConnectAsync(string key, string query = "")
    {
        var hub = Build(key, query);
        var alarms = new ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>("alarm", alarms.Enqueue);
        await hub.StartAsync();
        return (hub, alarms);
    }

    private async Task<string> GridOfStationAsync(string station) => await app.QueryAsync(db => db.Jurisdictions
        .Where(n => n.Level == JurisdictionLevel.Grid && n.Path.StartsWith("/T001/" + station + "/")).Select(n => n.Code).FirstAsync());

    private async Task PostAlarmAsync(string externalId, string gridCode)
    {
        var (lat, lon, _, _) = await app.InsideGridAsync(gridCode);
        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", new
        {
            externalId, receivedAt = app.Clock.GetUtcNow(), category = "criminal", subcategory = "burglary", priority = 1,
            summary = "入室盗窃", location = new { lat, lon },
        });
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_station_client_gets_its_own_alarms_only_and_the_township_gets_both()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var station1 = await ConnectAsync(await keys.CreateAsync("s1 screen", "S001", [ApiScopes.Live], "test"));
        var township = await ConnectAsync(DashboardAppFactory.ApiKey);

        await PostAlarmAsync("hub-s2", await GridOfStationAsync("S002"));
        await PostAlarmAsync("hub-s1", await GridOfStationAsync("S001"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((township.Alarms.Count < 2 || station1.Alarms.IsEmpty) && DateTime.UtcNow < deadline) await Task.Delay(100);

        Assert.Equal(["hub-s1"], station1.Alarms.Select(a => a.GetProperty("externalId").GetString()));
        Assert.Equal(["hub-s1", "hub-s2"], township.Alarms.Select(a => a.GetProperty("externalId").GetString()).Order());
        var message = station1.Alarms.Single();
        Assert.Equal("criminal", message.GetProperty("category").GetString());
        Assert.Equal("Received", message.GetProperty("status").GetString());
        Assert.True(message.GetProperty("location").GetProperty("lat").GetDouble() > 0);
        await station1.Hub.DisposeAsync();
        await township.Hub.DisposeAsync();
    }

    [Fact]
    public async Task Positions_reach_json_and_packed_clients_alike_within_their_jurisdiction()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var (json, _) = await ConnectAsync(DashboardAppFactory.ApiKey);
        var (packed, _) = await ConnectAsync(await keys.CreateAsync("s2 screen", "S002", [ApiScopes.Live], "test"), "?positions=packed");
        var (jsonFixes, packedFixes) = (new ConcurrentQueue<JsonElement>(), new ConcurrentQueue<PackedPosition>());
        json.On<List<JsonElement>>("positions", list => list.ForEach(jsonFixes.Enqueue));
        packed.On<byte[]>("positionsPacked", bytes => { foreach (var fix in PackedPositions.Unpack(bytes)) packedFixes.Enqueue(fix); });
        var units = await app.QueryAsync(db => db.Units.OrderBy(u => u.Code).Select(u => new { u.Code, u.JurisdictionPath }).ToListAsync());
        var (mine, theirs) = (units.First(u => u.JurisdictionPath.StartsWith("/T001/S002/")).Code, units.First(u => u.JurisdictionPath.StartsWith("/T001/S001/")).Code);
        var at = app.Clock.GetUtcNow();

        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/positions", new[]
        {
            new { unitCode = mine, at, lat = 31.123456, lon = 120.654321, speedKmh = 32.5, heading = 271.3 },
            new { unitCode = theirs, at, lat = 31.2, lon = 120.7, speedKmh = 10.0, heading = 90.0 },
        });
        response.EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((jsonFixes.Count < 2 || packedFixes.IsEmpty) && DateTime.UtcNow < deadline) await Task.Delay(100);

        Assert.Equal([mine, theirs], jsonFixes.Select(f => f.GetProperty("unitCode").GetString()).Order());
        var fix = Assert.Single(packedFixes); // station 2's screen: its own unit, not station 1's
        Assert.Equal((mine, at.ToUnixTimeMilliseconds(), 31.123456, 120.654321, 32.5, 271.3),
            (fix.UnitCode, fix.At.ToUnixTimeMilliseconds(), fix.Lat, fix.Lon, fix.SpeedKmh, fix.Heading));
        Assert.Equal(jsonFixes.Single(f => f.GetProperty("unitCode").GetString() == mine).GetProperty("status").GetString(), fix.Status.ToString());
        await json.DisposeAsync();
        await packed.DisposeAsync();
    }

    /// <summary>What a MessagePack client reads of an alarm: the keys are the C# property names.</summary>
    public sealed record AlarmRead(string ExternalId, string Category, string Summary, string? StationCode, string Status);

    [Fact]
    public async Task A_messagepack_screen_gets_a_batch_of_alarms_as_one_message_and_positions_packed_within_its_jurisdiction()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        await using var hub = Build(await keys.CreateAsync("s1 wall", "S001", [ApiScopes.Live], "test"), "?alarms=batched&positions=packed", messagePack: true);
        var (batches, singles, fixes) = (new ConcurrentQueue<List<AlarmRead>>(), new ConcurrentQueue<AlarmRead>(), new ConcurrentQueue<string>());
        hub.On<List<AlarmRead>>("alarms", batches.Enqueue);
        hub.On<AlarmRead>("alarm", singles.Enqueue);
        hub.On<byte[]>("positionsPacked", bytes =>
        {
            var reader = new PackedPositions.Reader(bytes);
            while (reader.Next(out var fix)) fixes.Enqueue(System.Text.Encoding.UTF8.GetString(fix.Code));
        });
        await hub.StartAsync();
        var (mine, theirs) = (await GridOfStationAsync("S001"), await GridOfStationAsync("S002"));
        var alarms = new List<object>();
        foreach (var (id, grid) in new[] { ("mp-1", mine), ("mp-2", theirs), ("mp-3", mine) })
        {
            var (lat, lon, _, _) = await app.InsideGridAsync(grid);
            alarms.Add(new { externalId = id, receivedAt = app.Clock.GetUtcNow(), category = "criminal", summary = "<b>盗窃</b>", location = new { lat, lon } });
        }
        (await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", alarms)).EnsureSuccessStatusCode();
        var unit = await app.QueryAsync(db => db.Units.Where(u => u.JurisdictionPath.StartsWith("/T001/S001/")).Select(u => u.Code).FirstAsync());
        (await app.ApiClient().PostAsJsonAsync("/api/v1/positions", new[] { new { unitCode = unit, at = app.Clock.GetUtcNow(), lat = 31.2, lon = 120.6 } }))
            .EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((batches.IsEmpty || fixes.IsEmpty) && DateTime.UtcNow < deadline) await Task.Delay(100);

        // Station 1's two alarms of the batch arrive together, in order; station 2's does not arrive; nothing comes one by one.
        var batch = Assert.Single(batches);
        Assert.Equal(["mp-1", "mp-3"], batch.Select(a => a.ExternalId));
        Assert.Equal(("criminal", "<b>盗窃</b>", "S001", "Received"), (batch[0].Category, batch[0].Summary, batch[0].StationCode, batch[0].Status));
        Assert.Empty(singles);
        Assert.Equal([unit], fixes);
    }

    [Fact]
    public async Task An_alarm_form_the_hub_does_not_know_is_refused()
    {
        Assert.Contains("alarms must be 'single' or 'batched', not 'all'", await RefusalAsync("?alarms=all"));
    }

    [Fact]
    public async Task A_position_form_the_hub_does_not_know_is_refused()
    {
        Assert.Contains("positions must be 'json' or 'packed', not 'xml'", await RefusalAsync("?positions=xml"));
    }

    /// <summary>Why the hub closed a connection opened with this query (or refused to start it).</summary>
    private async Task<string?> RefusalAsync(string query)
    {
        await using var hub = Build(DashboardAppFactory.ApiKey, query);
        var closed = new TaskCompletionSource<Exception?>();
        hub.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        Exception? error;
        try
        {
            await hub.StartAsync();
            error = await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception ex) when (ex is not TimeoutException) { error = ex; }
        return error?.Message;
    }

    [Fact]
    public async Task A_repeated_dispute_reaches_hub_clients_as_a_warning_with_the_alarms_as_evidence_and_no_personal_data()
    {
        var (hub, _) = await ConnectAsync(DashboardAppFactory.ApiKey);
        var warnings = new ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>("warning", warnings.Enqueue);
        var (lat, lon, _, _) = await app.InsideGridAsync(await GridOfStationAsync("S001"));
        foreach (var (id, address) in new[] { ("hub-rd-1", "青湖镇石桥村5组8号"), ("hub-rd-2", "石桥村五组8号") })
        {
            var response = await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", new
            {
                externalId = id, receivedAt = app.Clock.GetUtcNow(), category = "dispute", subcategory = "dispute.family", summary = "家庭纠纷",
                address, callerPhone = "13812345678", location = new { lat, lon },
            });
            response.EnsureSuccessStatusCode();
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (warnings.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(100);

        var warning = Assert.Single(warnings);
        Assert.Equal("repeated-dispute", warning.GetProperty("modelCode").GetString());
        Assert.Equal("Issued", warning.GetProperty("state").GetString());
        Assert.Equal("Orange", warning.GetProperty("level").GetString());
        Assert.Equal(["hub-rd-1", "hub-rd-2"], warning.GetProperty("alarms").EnumerateArray().Select(a => a.GetString()).Order());
        Assert.StartsWith("household:", warning.GetProperty("subject").GetString());
        Assert.DoesNotContain("13812345678", warning.GetRawText());
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task A_key_without_the_live_scope_cannot_connect()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var ingestOnly = await keys.CreateAsync("ingest only", "T001", [ApiScopes.Alarms], "test");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(ingestOnly));
        Assert.Contains("403", error.Message);
    }
}
