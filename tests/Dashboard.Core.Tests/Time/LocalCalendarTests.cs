using Dashboard.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Core.Tests.Time;

public class LocalCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void The_local_day_starts_at_midnight_Shanghai_time_which_is_16_00_utc_the_day_before()
    {
        var calendar = new LocalCalendar(Shanghai, new FakeTimeProvider());
        var (start, end) = calendar.DayOf(new DateTimeOffset(2026, 11, 22, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(start.AddDays(1), end);
    }

    [Fact]
    public void The_last_second_of_a_month_belongs_to_it_and_the_first_of_the_next_does_not()
    {
        var (start, end) = new LocalCalendar(Shanghai, new FakeTimeProvider()).MonthOf(2026, 10);
        var lastSecond = new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.FromHours(8));
        var firstOfNext = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.True(lastSecond >= start && lastSecond < end);
        Assert.False(firstOfNext >= start && firstOfNext < end);
    }
}
