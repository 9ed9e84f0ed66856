using Dashboard.Core.Alarms;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.Tests.Synthetic;

public sealed class AlarmMixTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_category_mix_matches_a_township_110_centre_within_two_points()
    {
        var rng = new Random(1);
        const int draws = 20_000;

        var counts = Enumerable.Range(0, draws).Select(_ => AlarmMix.Draw(rng).Category).CountBy(c => c).ToDictionary();

        Assert.Equal(1.0, AlarmMix.CategoryShares.Values.Sum(), 6);
        Assert.All(AlarmMix.CategoryShares, target =>
            Assert.InRange(counts.GetValueOrDefault(target.Key) / (double)draws, target.Value - 0.02, target.Value + 0.02));
    }

    [Fact]
    public void Every_catalogue_subcategory_is_drawn_with_a_chinese_summary()
    {
        var rng = new Random(2);

        var kinds = Enumerable.Range(0, 20_000).Select(_ => AlarmMix.Draw(rng)).ToList();

        var drawn = kinds.Select(k => k.Subcategory).ToHashSet();
        Assert.All(AlarmCategories.Subcategories.SelectMany(s => s.Value), sub => Assert.Contains(sub, drawn));
        Assert.All(kinds, k => Assert.True(AlarmCategories.BelongsTo(k.Category, k.Subcategory), k.Subcategory));
        Assert.All(kinds, k => Assert.Matches("\\p{IsCJKUnifiedIdeographs}", k.Summary));
        Assert.All(kinds, k => Assert.InRange(k.Priority, 1, 4));
    }

    [Fact]
    public void Each_subcategory_has_several_summaries()
    {
        var rng = new Random(3);

        var summaries = Enumerable.Range(0, 500).Select(_ => AlarmMix.DrawIn(AlarmCategories.Dispute, rng))
            .Where(k => k.Subcategory == "dispute.family").Select(k => k.Summary).Distinct().ToList();

        Assert.True(summaries.Count >= 3, string.Join(", ", summaries));
        Assert.Contains("夫妻吵架，女方报警", summaries);
    }

    [Fact]
    public void Night_hours_are_quieter_than_the_evening_peak_and_late_morning()
    {
        var night = Enumerable.Range(2, 4).Average(AlarmMix.HourWeight);
        var evening = Enumerable.Range(19, 3).Average(AlarmMix.HourWeight);

        Assert.True(night * 3 < evening, $"night {night:F2}, evening {evening:F2}");
        Assert.True(AlarmMix.HourWeight(11) > AlarmMix.HourWeight(7));
        Assert.Equal(1.0, Enumerable.Range(0, 24).Average(AlarmMix.HourWeight), 6);
    }

    [Fact]
    public void Friday_and_saturday_are_busier_than_midweek()
    {
        Assert.True(AlarmMix.WeekdayWeight(DayOfWeek.Friday) > AlarmMix.WeekdayWeight(DayOfWeek.Wednesday));
        Assert.True(AlarmMix.WeekdayWeight(DayOfWeek.Saturday) > AlarmMix.WeekdayWeight(DayOfWeek.Tuesday));
        Assert.Equal(1.0, Enum.GetValues<DayOfWeek>().Average(AlarmMix.WeekdayWeight), 6);
    }

    [Fact]
    public void Arrivals_average_about_45_a_day_and_follow_the_rhythm()
    {
        var rng = new Random(4);

        var arrivals = AlarmMix.ArrivalTimes(Monday, Monday.AddDays(56), rng).ToList();

        Assert.InRange(arrivals.Count / 56.0, 42, 48);
        var byHour = arrivals.CountBy(a => a.Hour).ToDictionary();
        var night = Enumerable.Range(2, 4).Sum(h => byHour.GetValueOrDefault(h)) / 4.0;
        var evening = Enumerable.Range(19, 3).Sum(h => byHour.GetValueOrDefault(h)) / 3.0;
        Assert.True(night * 2 < evening, $"night {night}, evening {evening} per hour-slot");
        var byDay = arrivals.CountBy(a => a.DayOfWeek).ToDictionary();
        Assert.True(byDay[DayOfWeek.Saturday] > byDay[DayOfWeek.Wednesday]);
    }

    [Fact]
    public void Arrivals_are_in_order_in_china_time_and_inside_the_period()
    {
        var from = Monday.AddMinutes(17);
        var to = from.AddDays(3);

        var arrivals = AlarmMix.ArrivalTimes(from, to, new Random(5)).ToList();

        Assert.Equal(arrivals.Order(), arrivals);
        Assert.All(arrivals, a => Assert.Equal(ChinaTime.Offset, a.Offset));
        Assert.All(arrivals, a => Assert.True(a >= from && a < to));
    }

    [Fact]
    public void The_rate_multiplier_scales_the_number_of_calls()
    {
        var normal = AlarmMix.ArrivalTimes(Monday, Monday.AddDays(7), new Random(6)).Count();
        var tenfold = AlarmMix.ArrivalTimes(Monday, Monday.AddDays(7), new Random(6), rate: 10).Count();

        Assert.InRange(tenfold / (double)normal, 8.5, 11.5);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(3.5)]
    [InlineData(500)]
    public void Poisson_counts_have_the_requested_mean_and_variance(double mean)
    {
        var rng = new Random(7);

        var counts = Enumerable.Range(0, 20_000).Select(_ => AlarmMix.PoissonCount(mean, rng)).ToList();

        var average = counts.Average();
        var variance = counts.Average(c => (c - average) * (c - average));
        Assert.InRange(average, mean * 0.97 - 0.01, mean * 1.03 + 0.01);
        Assert.InRange(variance, mean * 0.9 - 0.01, mean * 1.1 + 0.01);
    }

    [Fact]
    public void The_count_for_an_evening_hour_exceeds_the_count_for_a_night_hour_on_average()
    {
        var rng = new Random(8);
        var evening = Monday.AddHours(20);
        var night = Monday.AddHours(3);

        var eveningTotal = Enumerable.Range(0, 1_000).Sum(_ => AlarmMix.CountForHour(evening, rng));
        var nightTotal = Enumerable.Range(0, 1_000).Sum(_ => AlarmMix.CountForHour(night, rng));

        Assert.True(eveningTotal > 3 * nightTotal, $"evening {eveningTotal}, night {nightTotal}");
    }
}
