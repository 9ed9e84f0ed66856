using Dashboard.Core.Disputes;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Tests.Warnings;

public sealed class OverdueMediationModelTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static Task Reroute(WarningScenario s, long disputeId, DateTimeOffset deadline) => s.ChangeAsync(async db =>
    {
        var d = await db.Disputes.SingleAsync(x => x.Id == disputeId);
        d.Route("司法所", "李四", null, deadline, "chief1", s.Clock.GetUtcNow());
    });

    [Fact]
    public async Task A_case_at_its_deadline_is_not_yet_overdue()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.CaseAsync(deadline: WarningScenario.T0.AddDays(7));
        s.Advance(TimeSpan.FromDays(7) - Minute);
        Assert.Empty(await s.ScanAsync());
        s.Advance(Minute);

        Assert.Empty(await s.ScanAsync());
        Assert.Empty(await s.WarningsAsync(ModelCodes.OverdueMediation));
    }

    [Fact]
    public async Task A_case_past_its_deadline_fires_once_at_the_model_level()
    {
        await using var s = await WarningScenario.StartAsync();
        var dispute = await s.CaseAsync(address: "人民路12号", deadline: WarningScenario.T0.AddDays(7));
        s.Advance(TimeSpan.FromDays(7) + Minute);

        Assert.Equal([FiringOutcome.Issued], await s.ScanAsync());
        s.Advance(Minute);
        Assert.Equal([FiringOutcome.Unchanged], await s.ScanAsync());

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.OverdueMediation));
        Assert.Equal(WarningLevel.Yellow, warning.Level);
        Assert.StartsWith($"case:{dispute.CaseNumber}:due:", warning.SubjectKey, StringComparison.Ordinal);
        Assert.Equal(WarningScenario.T0.AddDays(7), Assert.Single(warning.Evidence).At);
    }

    [Fact]
    public async Task The_same_deadline_is_not_warned_again_after_its_warning_is_closed()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.CaseAsync(deadline: WarningScenario.T0.AddDays(7));
        s.Advance(TimeSpan.FromDays(7) + Minute);
        await s.ScanAsync();
        await s.CloseAsync(Assert.Single(await s.WarningsAsync(ModelCodes.OverdueMediation)).Id);
        s.Advance(TimeSpan.FromDays(1));

        Assert.Equal([FiringOutcome.AlreadyWarned], await s.ScanAsync());
        Assert.Single(await s.WarningsAsync(ModelCodes.OverdueMediation));
    }

    [Fact]
    public async Task Rerouting_with_a_new_deadline_warns_again_only_once_that_deadline_passes()
    {
        await using var s = await WarningScenario.StartAsync();
        var dispute = await s.CaseAsync(deadline: WarningScenario.T0.AddDays(7));
        s.Advance(TimeSpan.FromDays(7) + Minute);
        await s.ScanAsync();
        var newDeadline = s.Clock.GetUtcNow().AddDays(5);
        await Reroute(s, dispute.Id, newDeadline);

        s.Advance(TimeSpan.FromDays(5) - Minute);
        Assert.Empty(await s.ScanAsync());
        s.Advance(Minute * 2);
        Assert.Equal([FiringOutcome.Issued], await s.ScanAsync());

        var warnings = await s.WarningsAsync(ModelCodes.OverdueMediation);
        Assert.Equal(2, warnings.Count);
        Assert.NotEqual(warnings[0].SubjectKey, warnings[1].SubjectKey);
        Assert.Equal(newDeadline, Assert.Single(warnings[1].Evidence).At);
    }

    [Fact]
    public async Task A_red_case_past_its_deadline_is_a_red_warning()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.CaseAsync(risk: RiskColor.Red, deadline: WarningScenario.T0.AddDays(3));
        s.Advance(TimeSpan.FromDays(3) + Minute);

        await s.ScanAsync();

        Assert.Equal(WarningLevel.Red, Assert.Single(await s.WarningsAsync(ModelCodes.OverdueMediation)).Level);
    }

    [Fact]
    public async Task A_case_closed_in_time_is_never_overdue()
    {
        await using var s = await WarningScenario.StartAsync();
        var dispute = await s.CaseAsync(deadline: WarningScenario.T0.AddDays(7));
        s.Advance(TimeSpan.FromDays(6));
        await s.CloseCaseAsync(dispute.Id);
        s.Advance(TimeSpan.FromDays(2));

        Assert.Empty(await s.ScanAsync());
        Assert.Empty(await s.WarningsAsync(ModelCodes.OverdueMediation));
    }
}
