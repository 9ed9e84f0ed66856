using Dashboard.Core.Warnings;
using Dashboard.Web.Components.Warnings;

namespace Dashboard.Web.Tests.Warnings;

public sealed class WarningQueryTests
{
    [Fact]
    public void A_filter_survives_the_round_trip_through_the_address()
    {
        var filter = new WarningFilter(WarningState.SignedFor, ModelCodes.DomesticViolence, WarningLevel.Red, OpenOnly: true);
        var query = WarningQuery.ToQuery(filter);

        var parsed = WarningQuery.Parse((string?)query["state"], (string?)query["model"], (string?)query["level"], (bool?)query["open"]);

        Assert.Equal(filter, parsed);
    }

    [Theory]
    [InlineData("7", "9")]
    [InlineData("nonsense", "purple")]
    public void Values_that_name_no_state_or_level_are_ignored(string state, string level) =>
        Assert.Equal(new WarningFilter(), WarningQuery.Parse(state, null, level, null));
}
