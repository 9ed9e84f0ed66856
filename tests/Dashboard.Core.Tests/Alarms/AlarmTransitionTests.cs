using Dashboard.Core.Alarms;

namespace Dashboard.Core.Tests.Alarms;

public class AlarmTransitionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 0, 15, 0, TimeSpan.Zero);

    private static Alarm NewAlarm() => new()
    {
        ExternalId = "110-1", ReceivedAt = T0, Category = "dispute", Summary = "s", JurisdictionPath = "/T/",
    };

    [Fact]
    public void Events_in_order_move_the_alarm_along_its_lifecycle()
    {
        var alarm = NewAlarm();
        Assert.True(alarm.Apply(AlarmStatus.Dispatched, T0.AddMinutes(2), "U1"));
        Assert.True(alarm.Apply(AlarmStatus.OnScene, T0.AddMinutes(9), "U1"));
        Assert.Equal(AlarmStatus.OnScene, alarm.Status);
        Assert.Equal(9, alarm.ResponseMinutes);
        Assert.Equal("U1", alarm.UnitCode);
    }

    [Fact]
    public void A_repeated_event_changes_nothing()
    {
        var alarm = NewAlarm();
        alarm.Apply(AlarmStatus.Dispatched, T0.AddMinutes(2), "U1");
        Assert.False(alarm.Apply(AlarmStatus.Dispatched, T0.AddMinutes(2), "U1"));
        Assert.Single(alarm.Events);
    }

    [Fact]
    public void A_late_earlier_event_keeps_the_furthest_status_and_records_its_time()
    {
        var alarm = NewAlarm();
        alarm.Apply(AlarmStatus.Resolved, T0.AddMinutes(40), null);
        Assert.True(alarm.Apply(AlarmStatus.OnScene, T0.AddMinutes(8), "U2"));
        Assert.Equal(AlarmStatus.Resolved, alarm.Status);
        Assert.Equal(T0.AddMinutes(8), alarm.OnSceneAt);
    }

    [Fact]
    public void The_earliest_report_of_a_status_wins()
    {
        var alarm = NewAlarm();
        alarm.Apply(AlarmStatus.OnScene, T0.AddMinutes(12), null);
        alarm.Apply(AlarmStatus.OnScene, T0.AddMinutes(10), null);
        alarm.Apply(AlarmStatus.OnScene, T0.AddMinutes(15), null);
        Assert.Equal(T0.AddMinutes(10), alarm.OnSceneAt);
    }

    [Fact]
    public void Event_times_are_stored_in_utc()
    {
        var alarm = NewAlarm();
        alarm.Apply(AlarmStatus.Dispatched, new DateTimeOffset(2026, 11, 23, 8, 20, 0, TimeSpan.FromHours(8)), null);
        Assert.Equal(TimeSpan.Zero, alarm.DispatchedAt!.Value.Offset);
        Assert.Equal(T0.AddMinutes(5), alarm.DispatchedAt);
    }
}
