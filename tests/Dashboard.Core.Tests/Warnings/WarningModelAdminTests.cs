using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Tests.Warnings;

public sealed class WarningModelAdminTests
{
    private static WarningModelChange Change(string json = "{}", string roles = "StationChief,Officer", int signMinutes = 30,
        WarningLevel level = WarningLevel.Orange) => new(true, json, level, signMinutes, roles);

    private static async Task<WarningModel> ModelAsync(WarningScenario s, string code) =>
        (await s.Admin.AllAsync()).Single(m => m.Code == code);

    [Theory]
    [InlineData("""{"windowDays":14,"windowHours":3}""")]
    [InlineData("""{"windowDays":-1}""")]
    [InlineData("""{"windowDays":"many"}""")]
    [InlineData("not json")]
    public async Task Parameters_with_unknown_fields_negative_numbers_or_bad_json_are_refused_and_nothing_changes(string json)
    {
        await using var s = await WarningScenario.StartAsync();
        var before = await ModelAsync(s, ModelCodes.RepeatedDispute);

        await Assert.ThrowsAsync<DomainRuleException>(() => s.Admin.UpdateAsync(ModelCodes.RepeatedDispute, Change(json), "admin"));

        Assert.Equal(before.ParametersJson, (await ModelAsync(s, ModelCodes.RepeatedDispute)).ParametersJson);
    }

    [Theory]
    [InlineData("""{"pValue":-0.5}""")]
    [InlineData("""{"pValue":0}""")]
    [InlineData("""{"pValue":1.5}""")]
    [InlineData("""{"minCount":0}""")]
    [InlineData("""{"hours":0}""")]
    public async Task Surge_parameters_that_would_fire_always_or_never_are_refused_with_the_reason(string json)
    {
        await using var s = await WarningScenario.StartAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            s.Admin.UpdateAsync(ModelCodes.AlarmSurge, Change(json, "StationChief,Leader"), "admin"));
        Assert.Contains("not valid", refused.Message);
    }

    [Fact]
    public async Task A_domestic_violence_count_of_zero_is_refused()
    {
        await using var s = await WarningScenario.StartAsync();

        await Assert.ThrowsAsync<DomainRuleException>(() =>
            s.Admin.UpdateAsync(ModelCodes.DomesticViolence, Change("""{"count":0}""", "StationChief,Officer"), "admin"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("StationChief,Janitor")]
    public async Task A_change_that_notifies_no_known_role_is_refused(string roles)
    {
        await using var s = await WarningScenario.StartAsync();

        await Assert.ThrowsAsync<DomainRuleException>(() => s.Admin.UpdateAsync(ModelCodes.RepeatedDispute, Change(roles: roles), "admin"));

        Assert.Equal("StationChief,Officer", (await ModelAsync(s, ModelCodes.RepeatedDispute)).NotifyRoles);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_081)]
    public async Task A_sign_for_deadline_outside_a_minute_to_a_week_is_refused(int minutes)
    {
        await using var s = await WarningScenario.StartAsync();

        await Assert.ThrowsAsync<DomainRuleException>(() =>
            s.Admin.UpdateAsync(ModelCodes.RepeatedDispute, Change(signMinutes: minutes), "admin"));
    }

    [Fact]
    public async Task A_valid_change_is_saved_in_canonical_form_and_audited()
    {
        await using var s = await WarningScenario.StartAsync();

        await s.Admin.UpdateAsync(ModelCodes.RepeatedDispute,
            Change("""{ "WindowDays": 14 }""", " StationChief , Leader ", 45, WarningLevel.Red), "admin");

        var model = await ModelAsync(s, ModelCodes.RepeatedDispute);
        Assert.Equal(("""{"windowDays":14}""", "StationChief,Leader", 45, WarningLevel.Red),
            (model.ParametersJson, model.NotifyRoles, model.SignDeadlineMinutes, model.Level));
        await using var db = s.Database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "warning-model.update");
        Assert.Equal(("admin", ModelCodes.RepeatedDispute), (audit.Actor, audit.Target));
    }

    [Fact]
    public async Task Missing_parameters_take_their_defaults()
    {
        await using var s = await WarningScenario.StartAsync();

        await s.Admin.UpdateAsync(ModelCodes.AlarmSurge, Change("""{"minCount":8}""", "StationChief,Leader"), "admin");

        var parameters = (await ModelAsync(s, ModelCodes.AlarmSurge)).Read<AlarmSurgeParameters>();
        Assert.Equal(new AlarmSurgeParameters { MinCount = 8 }, parameters);
    }

    [Fact]
    public async Task The_engine_uses_the_changed_window_and_level()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.Admin.UpdateAsync(ModelCodes.RepeatedDispute, Change("""{"windowDays":14}""", level: WarningLevel.Red), "admin");
        await s.DisputeAlarmAsync("110-1", address: "渭南村3组12号");
        s.Advance(TimeSpan.FromDays(15));
        Assert.Empty(await s.DisputeAlarmAsync("110-2", address: "渭南村3组12号"));
        s.Advance(TimeSpan.FromDays(14));

        Assert.Equal([FiringOutcome.Issued], await s.DisputeAlarmAsync("110-3", address: "渭南村3组12号"));
        Assert.Equal(WarningLevel.Red, Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute)).Level);
    }
}
