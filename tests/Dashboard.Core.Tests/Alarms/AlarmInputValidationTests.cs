using Dashboard.Core.Alarms;

namespace Dashboard.Core.Tests.Alarms;

public class AlarmInputValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 30, 0, TimeSpan.Zero);

    internal static AlarmInput Valid() => new(
        "110-20261123-000123", new DateTimeOffset(2026, 11, 23, 8, 15, 0, TimeSpan.FromHours(8)), "dispute", "dispute.family", 2,
        "夫妻吵架，女方报警", "渭塘镇渭南村桥角郎14号", new GeoPoint(31.4512, 120.6201), null, "13812345678",
        [new PartyInput("施某", "320507198001011231", "13812345678", "caller")]);

    private static IDictionary<string, string[]> Errors(AlarmInput input) => input.Validate(Now).ToDictionary();

    [Fact]
    public void The_contract_example_is_valid()
    {
        Assert.Empty(Errors(Valid()));
    }

    [Theory]
    [InlineData("externalId")]
    [InlineData("summary")]
    public void Missing_required_text_is_reported_by_field(string field)
    {
        var input = field == "externalId" ? Valid() with { ExternalId = " " } : Valid() with { Summary = null };
        Assert.Contains(field, Errors(input).Keys);
    }

    [Fact]
    public void An_external_id_longer_than_64_characters_is_refused()
    {
        Assert.Contains("externalId", Errors(Valid() with { ExternalId = new string('x', 65) }).Keys);
    }

    [Fact]
    public void A_time_more_than_five_minutes_ahead_is_refused_but_clock_skew_is_tolerated()
    {
        Assert.Contains("receivedAt", Errors(Valid() with { ReceivedAt = Now.AddMinutes(6) }).Keys);
        Assert.Empty(Errors(Valid() with { ReceivedAt = Now.AddMinutes(4) }));
    }

    [Fact]
    public void Unknown_categories_and_foreign_subcategories_are_refused()
    {
        Assert.Contains("category", Errors(Valid() with { Category = "alien" }).Keys);
        Assert.Contains("subcategory", Errors(Valid() with { Subcategory = "theft.ebike" }).Keys);
        Assert.Empty(Errors(Valid() with { Category = "criminal", Subcategory = "theft.ebike" }));
    }

    [Fact]
    public void Coordinates_outside_the_globe_are_refused()
    {
        var errors = Errors(Valid() with { Location = new GeoPoint(91, 181) });
        Assert.Contains("location.lat", errors.Keys);
        Assert.Contains("location.lon", errors.Keys);
    }

    [Fact]
    public void A_party_with_a_bad_id_number_is_reported_with_its_index()
    {
        var errors = Errors(Valid() with { Parties = [new PartyInput("施某", "320507198001011234", null, null)] });
        Assert.Contains("parties[0].idNumber", errors.Keys);
    }

    [Fact]
    public void A_summary_of_501_characters_is_refused()
    {
        Assert.Contains("summary", Errors(Valid() with { Summary = new string('警', 501) }).Keys);
    }
}
