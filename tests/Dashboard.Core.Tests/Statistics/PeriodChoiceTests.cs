using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Core.Tests.Statistics;

public sealed class PeriodChoiceTests
{
    // 2026-11-23 09:30 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);
    private readonly LocalCalendar _calendar = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), new FakeTimeProvider(Now));

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("today", 11, 22, 16, 11, 23, 16)]
    [InlineData("yesterday", 11, 21, 16, 11, 22, 16)]
    [InlineData("last7days", 11, 16, 16, 11, 23, 16)]
    [InlineData("ThisMonth", 10, 31, 16, 11, 23, 16)]
    [InlineData("last90days", 8, 25, 16, 11, 23, 16)]
    public void Presets_are_cut_at_local_midnight_and_held_in_utc(string kind, int m1, int d1, int h1, int m2, int d2, int h2)
    {
        var period = PeriodChoice.Parse(kind, null, null).Resolve(_calendar);

        Assert.Equal(new Period(Utc(m1, d1, h1), Utc(m2, d2, h2)), period);
        Assert.Equal(TimeSpan.Zero, period.From.Offset);
    }

    [Fact]
    public void A_custom_range_covers_both_days_and_a_reversed_one_is_turned_round()
    {
        var expected = new Period(Utc(11, 1, 16), Utc(11, 4, 16));
        Assert.Equal(expected, PeriodChoice.Parse("custom", "2026-11-02", "2026-11-04").Resolve(_calendar));
        Assert.Equal(expected, PeriodChoice.Parse("custom", "2026-11-04", "2026-11-02").Resolve(_calendar));
        Assert.Equal(new Period(Utc(11, 1, 16), Utc(11, 2, 16)), PeriodChoice.Parse("custom", "2026-11-02", "rubbish").Resolve(_calendar));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", null, null)]
    [InlineData("7", null, null)]
    [InlineData("yesterday,today", null, null)]
    [InlineData("<script>", null, null)]
    [InlineData("custom", "x", "y")]
    [InlineData("custom", "0001-01-01", "9999-12-31")]
    public void Garbage_falls_back_to_today_or_to_the_screens_own_default(string? kind, string? from, string? to)
    {
        Assert.Equal(PeriodChoice.Today, PeriodChoice.Parse(kind, from, to));
        Assert.Equal(PeriodChoice.Last90Days, PeriodChoice.Parse(kind, from, to, PeriodChoice.Last90Days));
    }

    [Fact]
    public void Today_so_far_compares_with_yesterday_up_to_the_same_time()
    {
        var today = PeriodChoice.Today.Resolve(_calendar).Until(Now);

        Assert.Equal((Utc(11, 22, 16), Now), (today.From, today.To));
        Assert.Equal((Utc(11, 21, 16), Now.AddDays(-1)), (today.Previous.From, today.Previous.To));
        Assert.Equal(PeriodChoice.Parse("yesterday", null, null).Resolve(_calendar), PeriodChoice.Parse("yesterday", null, null).Resolve(_calendar).Until(Now));
    }
}
