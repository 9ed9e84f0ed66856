using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.People;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.Tests.Synthetic;

public sealed class AlarmGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Every_generated_alarm_passes_the_api_validation()
    {
        var alarms = Generate(ReferenceBuilder.TwoStations().Build(), days: 60, seed: 1);

        Assert.True(alarms.Count > 2_000);
        Assert.All(alarms, alarm =>
        {
            var errors = alarm.Validate(alarm.ReceivedAt!.Value.AddSeconds(1));
            Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        });
    }

    [Fact]
    public void External_ids_are_unique_and_carry_the_date_and_run()
    {
        var alarms = Generate(ReferenceBuilder.TwoStations().Build(), days: 10, seed: 2);

        Assert.Equal(alarms.Count, alarms.Select(a => a.ExternalId).Distinct().Count());
        Assert.All(alarms, a => Assert.Matches("^110-[0-9]{8}-run1-[0-9]{6}$", a.ExternalId));
        Assert.All(alarms, a => Assert.Equal(a.ReceivedAt!.Value.ToString("yyyyMMdd", null), a.ExternalId![4..12]));
    }

    [Fact]
    public void Generated_alarm_locations_lie_inside_a_grid()
    {
        var builder = ReferenceBuilder.TwoStations();

        var alarms = Generate(builder.Build(), days: 30, seed: 3);

        Assert.All(alarms, a => Assert.True(builder.InAnySquare(a.Location!.Lat!.Value, a.Location.Lon!.Value)));
    }

    [Fact]
    public void Locations_inside_a_triangular_grid_stay_off_the_empty_half_of_its_bounding_box()
    {
        // Right triangle with the right angle at the origin: inside means the lat and lon offsets sum to at most one cell.
        var (lat, lon, cell) = (ReferenceBuilder.OriginLat, ReferenceBuilder.OriginLon, ReferenceBuilder.Cell);
        var triangle = new ReferenceGrid("T", "T", "C", "S", [[lon, lat], [lon + cell, lat], [lon, lat + cell], [lon, lat]]);
        var reference = new ReferenceData(new ReferenceNode("T1", "渭塘镇"), [], [], [triangle], []);

        var alarms = Generate(reference, days: 20, seed: 4);

        Assert.True(alarms.Count > 500);
        Assert.All(alarms, a => Assert.True((a.Location!.Lat!.Value - lat) + (a.Location.Lon!.Value - lon) <= cell));
    }

    [Fact]
    public void Addresses_use_the_community_of_the_grid_the_alarm_lies_in()
    {
        var builder = ReferenceBuilder.TwoStations();

        var alarms = Generate(builder.Build(), days: 10, seed: 5);

        Assert.Contains(alarms, a => a.Address!.StartsWith("渭塘镇渭南村", StringComparison.Ordinal));
        Assert.Contains(alarms, a => a.Address!.StartsWith("渭塘镇钱家村", StringComparison.Ordinal));
        Assert.All(alarms.Where(a => a.Address!.StartsWith("渭塘镇渭南村", StringComparison.Ordinal)), a =>
            Assert.True(builder.InStationArea("S1", a.Location!.Lat!.Value, a.Location.Lon!.Value)));
    }

    [Fact]
    public void Disputes_name_both_sides_and_criminal_cases_name_the_victim()
    {
        var alarms = Generate(ReferenceBuilder.TwoStations().Build(), days: 10, seed: 6);

        Assert.All(alarms.Where(a => a.Category == AlarmCategories.Dispute), a =>
        {
            Assert.Equal(2, a.Parties!.Count);
            Assert.Equal(a.CallerPhone, a.Parties[0].Phone);
            Assert.All(a.Parties, p => Assert.True(ChineseIdNumber.IsValid(p.IdNumber)));
        });
        Assert.All(alarms.Where(a => a.Category == AlarmCategories.Criminal), a => Assert.Equal("victim", Assert.Single(a.Parties!).Role));
        Assert.All(alarms, a => Assert.True(PhoneNumber.IsPlausible(a.CallerPhone!)));
    }

    [Fact]
    public void About_fifteen_percent_of_disputes_come_from_a_household_that_called_within_30_days()
    {
        var disputes = Generate(ReferenceBuilder.TwoStations().Build(), days: 120, seed: 7)
            .Where(a => a.Category == AlarmCategories.Dispute).ToList();

        var repeats = RepeatedDisputes(disputes);

        Assert.InRange(repeats.Count / (double)disputes.Count, 0.11, 0.19);
        Assert.All(repeats, r => Assert.InRange(r.Repeat.ReceivedAt!.Value - r.Previous.ReceivedAt!.Value, TimeSpan.Zero, TimeSpan.FromDays(30)));
    }

    [Fact]
    public void A_repeated_dispute_is_the_same_place_written_another_way()
    {
        var disputes = Generate(ReferenceBuilder.TwoStations().Build(), days: 60, seed: 8)
            .Where(a => a.Category == AlarmCategories.Dispute).ToList();

        var repeats = RepeatedDisputes(disputes);

        Assert.NotEmpty(repeats);
        Assert.All(repeats, r =>
        {
            Assert.Equal(r.First.Location, r.Repeat.Location);
            Assert.NotEqual(r.First.Address, r.Repeat.Address);
        });
    }

    private static List<AlarmInput> Generate(ReferenceData reference, int days, int seed)
    {
        var rng = new Random(seed);
        var generator = new AlarmGenerator(reference, rng, "run1");
        return AlarmMix.ArrivalTimes(Start, Start.AddDays(days), rng).Select(generator.Next).ToList();
    }

    /// <summary>Disputes whose caller phone or a party's ID number appeared in an earlier dispute, with that earlier
    /// call and the household's first call.</summary>
    private static List<(AlarmInput First, AlarmInput Previous, AlarmInput Repeat)> RepeatedDisputes(List<AlarmInput> disputes)
    {
        var repeats = new List<(AlarmInput, AlarmInput, AlarmInput)>();
        var keys = disputes.Select(Keys).ToList();
        for (var i = 0; i < disputes.Count; i++)
        {
            var earlier = Enumerable.Range(0, i).Where(j => keys[j].Overlaps(keys[i])).Select(j => disputes[j]).ToList();
            if (earlier.Count > 0) repeats.Add((earlier[0], earlier[^1], disputes[i]));
        }
        return repeats;
    }

    private static HashSet<string> Keys(AlarmInput alarm) =>
        [alarm.CallerPhone!, .. alarm.Parties!.Select(p => p.IdNumber!)];
}
