namespace Dashboard.Core.Time;

/// <summary>
/// Cuts days and months in the installation's zone (default Asia/Shanghai) while everything is stored in UTC, so
/// "today" on a screen and in a report means the local day.
/// </summary>
public sealed class LocalCalendar(TimeZoneInfo zone, TimeProvider clock)
{
    public TimeZoneInfo Zone => zone;

    public DateTimeOffset Now => ToLocal(clock.GetUtcNow());

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The UTC instants bounding the local day that contains <paramref name="instant"/>: [start, end).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) DayOf(DateTimeOffset instant)
    {
        var date = DateOnly.FromDateTime(ToLocal(instant).DateTime);
        return (StartOf(date), StartOf(date.AddDays(1)));
    }

    /// <summary>The UTC instants bounding a local calendar month: [start, end).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) MonthOf(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (StartOf(first), StartOf(first.AddMonths(1)));
    }

    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
