using Dashboard.Core.Jurisdictions;

namespace Dashboard.Core.Tests.Jurisdictions;

public sealed class JurisdictionMapTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private JurisdictionMap _map = null!;

    public async Task InitializeAsync() => _map = await _db.SeedTwoStationsAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_point_is_assigned_to_the_grid_that_contains_it_and_its_ancestors()
    {
        var location = await _map.LocateAsync(lat: 0.5, lon: 1.5);
        Assert.NotNull(location);
        Assert.Equal(("G2", "C2", "S2", "/T/S2/C2/G2/"), (location.GridCode, location.CommunityCode, location.StationCode, location.Path));
    }

    [Fact]
    public async Task A_point_outside_every_grid_has_no_grid()
    {
        Assert.Null(await _map.LocateAsync(lat: 5, lon: 5));
    }

    [Fact]
    public async Task A_point_on_a_shared_border_belongs_to_exactly_one_of_the_grids()
    {
        var location = await _map.LocateAsync(lat: 0.5, lon: 1.0);
        Assert.Contains(location!.GridCode, new[] { "G1", "G2" });
    }

    [Fact]
    public async Task Scopes_contain_their_subtree_only()
    {
        var s1 = new JurisdictionScope((await _map.FindAsync("S1"))!.Path);
        Assert.True(s1.Contains("/T/S1/C1/G1/"));
        Assert.False(s1.Contains("/T/S2/C2/G2/"));
        Assert.False(s1.Contains("/T/"));
    }
}
