using Dashboard.Core.Jurisdictions;
using Dashboard.Web.Hubs;

namespace Dashboard.Web.Tests.Hubs;

/// <summary>The broadcaster builds a message only for a group someone is in; these are the answers it relies on.</summary>
public sealed class LiveAudienceTests
{
    private static readonly LiveListener PackedStation = new(new JurisdictionScope("/T/S1/"), PackedPositions: true, BatchedAlarms: true);

    [Fact]
    public void A_group_is_listened_to_while_any_of_its_connections_is_there()
    {
        var audience = new LiveAudience();
        audience.Join("a", PackedStation);
        audience.Join("b", PackedStation);
        audience.Leave("a");

        Assert.True(audience.Listens(LiveHub.PositionsGroupOf("/T/S1/", packed: true)));
        audience.Leave("b");
        Assert.False(audience.Listens(LiveHub.PositionsGroupOf("/T/S1/", packed: true)));
    }

    [Fact]
    public void Only_the_form_and_node_a_connection_asked_for_are_listened_to()
    {
        var audience = new LiveAudience();
        audience.Join("a", PackedStation);

        Assert.True(audience.Listens(LiveHub.AlarmsGroupOf("/T/S1/", batched: true)));
        Assert.False(audience.Listens(LiveHub.PositionsGroupOf("/T/S1/", packed: false)));
        Assert.False(audience.Listens(LiveHub.PositionsGroupOf("/T/", packed: true)));
        Assert.False(audience.Listens(LiveHub.PositionsGroupOf("/T/S2/", packed: true)));
    }

    [Fact]
    public void Leaving_twice_or_joining_twice_does_not_skew_the_count()
    {
        var audience = new LiveAudience();
        audience.Join("a", PackedStation);
        audience.Join("a", PackedStation);
        audience.Join("b", PackedStation);
        audience.Leave("a");
        audience.Leave("a");

        Assert.True(audience.Listens(LiveHub.PositionsGroupOf("/T/S1/", packed: true)));
    }
}
