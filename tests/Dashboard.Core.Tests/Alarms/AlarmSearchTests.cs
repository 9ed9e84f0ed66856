using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Alarms;

public sealed class AlarmSearchTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly JurisdictionScope Township = new("/T/"), Station1 = new("/T/S1/");
    private readonly TestDatabase _db = new();
    private AlarmQueries _queries = null!;

    public async Task InitializeAsync()
    {
        var map = await _db.SeedTwoStationsAsync();
        await using var db = _db.CreateDbContext();
        db.Alarms.AddRange(
            Alarm("a1", "S1", 0, AlarmCategories.Dispute, "邻里因噪音争吵", "青湖路1号", "13812345678"),
            Alarm("a2", "S1", 10, AlarmCategories.Criminal, "电动车被盗 100% 确认", "青湖路2号"),
            Alarm("a3", "S1", 20, AlarmCategories.Criminal, "Ebike STOLEN near school", "Lake_Road 3"),
            Alarm("a4", "S2", 30, AlarmCategories.Criminal, "东港电动车被盗", "东港路4号"),
            Alarm("b5", "S2", -1440, AlarmCategories.Traffic, "两车相撞", "东港路5号"));
        await db.SaveChangesAsync();
        _queries = new AlarmQueries(_db, map);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static Alarm Alarm(string id, string station, int minute, string category, string summary, string address, string? phone = null) => new()
    {
        ExternalId = id, StationCode = station, JurisdictionPath = $"/T/{station}/C{station[1]}/G{station[1]}/", ReceivedAt = T0.AddMinutes(minute),
        Category = category, Summary = summary, Address = address, CallerPhone = phone,
    };

    private async Task<string[]> IdsAsync(JurisdictionScope scope, AlarmFilter filter, int skip = 0, int take = 50) =>
        (await _queries.SearchAsync(scope, filter, skip, take)).Items.Select(i => i.ExternalId).ToArray();

    [Fact]
    public async Task The_list_is_newest_first_and_masks_the_caller_phone()
    {
        var page = await _queries.SearchAsync(Township, new AlarmFilter(), 0, 50);

        Assert.Equal(["a4", "a3", "a2", "a1", "b5"], page.Items.Select(i => i.ExternalId));
        Assert.Equal("138****5678", page.Items.Single(i => i.ExternalId == "a1").CallerPhoneMasked);
        Assert.Equal("S1", page.Items.Single(i => i.ExternalId == "a1").StationName);
    }

    [Fact]
    public async Task Station_category_period_and_status_narrow_the_list()
    {
        Assert.Equal(["a3", "a2", "a1"], await IdsAsync(Township, new AlarmFilter(StationCode: "S1")));
        Assert.Equal(["a4", "a3", "a2"], await IdsAsync(Township, new AlarmFilter(Category: AlarmCategories.Criminal)));
        Assert.Equal(["a2", "a1"], await IdsAsync(Township, new AlarmFilter(Period: new Period(T0, T0.AddMinutes(20)))));
        Assert.Equal(["a4", "a3", "a2", "a1", "b5"], await IdsAsync(Township, new AlarmFilter(Status: AlarmStatus.Received)));
        Assert.Empty(await IdsAsync(Township, new AlarmFilter(Status: AlarmStatus.Closed)));
    }

    [Fact]
    public async Task Search_text_finds_summary_address_and_external_id_ignoring_latin_case()
    {
        Assert.Equal(["a4", "a2"], await IdsAsync(Township, new AlarmFilter(Text: " 电动车 ")));
        Assert.Equal(["a3"], await IdsAsync(Township, new AlarmFilter(Text: "stolen")));
        Assert.Equal(["a3"], await IdsAsync(Township, new AlarmFilter(Text: "lake_road")));
        Assert.Equal(["b5"], await IdsAsync(Township, new AlarmFilter(Text: "B5")));
        Assert.Equal(["a1"], await IdsAsync(Township, new AlarmFilter(Text: "青湖路1")));
    }

    [Fact]
    public async Task Percent_and_underscore_in_search_text_are_taken_literally()
    {
        Assert.Equal(["a2"], await IdsAsync(Township, new AlarmFilter(Text: "100%")));
        Assert.Equal(["a2"], await IdsAsync(Township, new AlarmFilter(Text: "%")));
        Assert.Equal(["a3"], await IdsAsync(Township, new AlarmFilter(Text: "_")));
        Assert.Empty(await IdsAsync(Township, new AlarmFilter(Text: "Lake%Road")));
        Assert.Empty(await IdsAsync(Township, new AlarmFilter(Text: @"\")));
    }

    [Fact]
    public async Task Pages_hold_the_total_and_follow_on_without_overlap()
    {
        var first = await _queries.SearchAsync(Township, new AlarmFilter(), 0, 2);
        var second = await _queries.SearchAsync(Township, new AlarmFilter(), 2, 2);
        var third = await _queries.SearchAsync(Township, new AlarmFilter(), 4, 2);

        Assert.Equal((5, 5, 5), (first.Total, second.Total, third.Total));
        Assert.Equal(["a4", "a3", "a2", "a1", "b5"], first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.ExternalId));
    }

    [Fact]
    public async Task A_station_chief_never_sees_another_stations_alarms_even_when_asking_for_that_station()
    {
        Assert.Equal(["a3", "a2", "a1"], await IdsAsync(Station1, new AlarmFilter()));
        Assert.Empty(await IdsAsync(Station1, new AlarmFilter(StationCode: "S2")));
        Assert.Equal(["a3", "a2", "a1"], await IdsAsync(Station1, new AlarmFilter(StationCode: "T")));
        Assert.Empty(await IdsAsync(Station1, new AlarmFilter(StationCode: "NOPE")));
        Assert.Equal(["a3", "a2", "a1"], await IdsAsync(Station1, new AlarmFilter(StationCode: "S1")));
        Assert.Equal(0, (await _queries.SearchAsync(Station1, new AlarmFilter(StationCode: "S2", Text: "东港"), 0, 10)).Total);
    }

    [Fact]
    public async Task A_narrower_scope_stays_narrow_when_its_own_station_is_asked_for()
    {
        var grid = new JurisdictionScope("/T/S1/C1/G1/");
        Assert.Equal(["a3", "a2", "a1"], await IdsAsync(grid, new AlarmFilter(StationCode: "S1")));
        Assert.Empty(await IdsAsync(new JurisdictionScope("/T/S1/C9/"), new AlarmFilter(StationCode: "S1")));
    }
}
