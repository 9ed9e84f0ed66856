using Dashboard.Core.Alarms;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Tests.Warnings;

public sealed class SlowResponseModelTests
{
    private static readonly DateTimeOffset T0 = WarningScenario.T0;

    private static Task ApplyAsync(WarningScenario s, long alarmId, AlarmStatus status, DateTimeOffset at) => s.ChangeAsync(async db =>
        (await db.Alarms.SingleAsync(a => a.Id == alarmId)).Apply(status, at, "U1"));

    private static Task<Alarm> TheftAsync(WarningScenario s, int priority = 1) =>
        s.StoreAlarmAsync("110-1", category: AlarmCategories.Criminal, subcategory: "theft.ebike", priority: priority);

    [Fact]
    public async Task A_priority_1_alarm_with_nobody_on_scene_at_9_59_fires_nothing()
    {
        await using var s = await WarningScenario.StartAsync();
        await TheftAsync(s);
        s.Advance(TimeSpan.FromSeconds(9 * 60 + 59));

        Assert.Empty(await s.ScanAsync());
        Assert.Empty(await s.WarningsAsync(ModelCodes.SlowResponse));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 15)]
    [InlineData(3, 30)]
    [InlineData(4, 45)]
    public async Task An_alarm_with_nobody_on_scene_fires_when_the_limit_for_its_priority_is_reached(int priority, int minutes)
    {
        await using var s = await WarningScenario.StartAsync();
        await TheftAsync(s, priority);
        s.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
        Assert.Empty(await s.ScanAsync());
        s.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([FiringOutcome.Issued], await s.ScanAsync());

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.SlowResponse));
        Assert.Equal("alarm:110-1", warning.SubjectKey);
        Assert.Equal($"P{priority}", Assert.Single(warning.Evidence).Note);
    }

    [Fact]
    public async Task An_alarm_with_a_unit_on_scene_in_time_never_fires()
    {
        await using var s = await WarningScenario.StartAsync();
        var alarm = await TheftAsync(s);
        await ApplyAsync(s, alarm.Id, AlarmStatus.Dispatched, T0.AddMinutes(1));
        await ApplyAsync(s, alarm.Id, AlarmStatus.OnScene, T0.AddMinutes(10));
        s.Advance(TimeSpan.FromMinutes(30));

        Assert.Empty(await s.ScanAsync());
        Assert.Empty(await s.WarningsAsync(ModelCodes.SlowResponse));
    }

    [Fact]
    public async Task An_alarm_with_a_unit_on_scene_late_fires()
    {
        await using var s = await WarningScenario.StartAsync();
        var alarm = await TheftAsync(s);
        await ApplyAsync(s, alarm.Id, AlarmStatus.OnScene, T0.AddMinutes(12));
        s.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal([FiringOutcome.Issued], await s.ScanAsync());
        Assert.Single(await s.WarningsAsync(ModelCodes.SlowResponse));
    }

    [Fact]
    public async Task A_resolved_alarm_never_fires()
    {
        await using var s = await WarningScenario.StartAsync();
        var alarm = await TheftAsync(s);
        await ApplyAsync(s, alarm.Id, AlarmStatus.Resolved, T0.AddMinutes(5));
        s.Advance(TimeSpan.FromMinutes(15));

        Assert.Empty(await s.ScanAsync());
        Assert.Empty(await s.WarningsAsync(ModelCodes.SlowResponse));
    }

    [Fact]
    public async Task An_alarm_is_warned_once_even_after_its_warning_is_closed()
    {
        await using var s = await WarningScenario.StartAsync();
        await TheftAsync(s);
        s.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal([FiringOutcome.Issued], await s.ScanAsync());
        s.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([FiringOutcome.Unchanged], await s.ScanAsync());

        await s.CloseAsync(Assert.Single(await s.WarningsAsync(ModelCodes.SlowResponse)).Id);
        s.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([FiringOutcome.AlreadyWarned], await s.ScanAsync());
        Assert.Single(await s.WarningsAsync(ModelCodes.SlowResponse));
        Assert.Single(s.Published, p => p.ModelCode == ModelCodes.SlowResponse);
    }
}
