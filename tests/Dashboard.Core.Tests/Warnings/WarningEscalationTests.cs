using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Dashboard.Core.Warnings;

namespace Dashboard.Core.Tests.Warnings;

public sealed class WarningEscalationTests
{
    private const string Grid = "/T/S1/C1/G1/";
    private static readonly CaseActor ChiefS1 = new("chief1", new JurisdictionScope("/T/S1/"), new HashSet<string> { Roles.StationChief });
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Issues a warning of <paramref name="model"/> in grid G1 now, as a model would.</summary>
    private static async Task<Warning> IssueAsync(WarningScenario s, string model = ModelCodes.RepeatedDispute, string subject = "household:a")
    {
        await s.Issuer.IssueAsync([new WarningFiring(model, subject, "渭南村3组12号", Grid,
            [new EvidenceItem(EvidenceItem.Alarm, "110-1", s.Clock.GetUtcNow())])]);
        return (await s.WarningsAsync(model)).Single(w => w.SubjectKey == subject);
    }

    private static async Task<string?> EscalatedToAsync(WarningScenario s, string model = ModelCodes.RepeatedDispute) =>
        Assert.Single(await s.WarningsAsync(model)).EscalatedTo;

    [Fact]
    public async Task An_unsigned_warning_is_not_escalated_before_its_models_sign_for_deadline()
    {
        await using var s = await WarningScenario.StartAsync();
        await IssueAsync(s);
        s.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));

        Assert.Equal(0, await s.Workflow.EscalateOverdueAsync());
        Assert.Null(await EscalatedToAsync(s));
    }

    [Fact]
    public async Task At_the_deadline_an_unsigned_warning_is_escalated_to_the_level_above()
    {
        await using var s = await WarningScenario.StartAsync();
        await IssueAsync(s);
        s.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(1, await s.Workflow.EscalateOverdueAsync());

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        Assert.Equal(("/T/S1/C1/", s.Clock.GetUtcNow()), (warning.EscalatedTo, warning.EscalatedAt));
        Assert.Equal(Grid, warning.JurisdictionPath);
        Assert.Equal(["issue", "escalate"], warning.Steps.Select(x => x.Action));
        Assert.Equal("escalate", s.Published[^1].Action);
    }

    [Fact]
    public async Task Each_further_missed_deadline_moves_it_one_level_up_and_never_above_the_top()
    {
        await using var s = await WarningScenario.StartAsync();
        await IssueAsync(s);
        var reached = new List<string?>();
        for (var step = 0; step < 5; step++)
        {
            s.Advance(TimeSpan.FromMinutes(30) - Minute);
            Assert.Equal(0, await s.Workflow.EscalateOverdueAsync());
            s.Advance(Minute);
            await s.Workflow.EscalateOverdueAsync();
            reached.Add(await EscalatedToAsync(s));
        }

        Assert.Equal(["/T/S1/C1/", "/T/S1/", "/T/", "/T/", "/T/"], reached);
        Assert.Equal(3, s.Published.Count(p => p.Action == "escalate"));
    }

    [Fact]
    public async Task A_signed_warning_is_never_escalated()
    {
        await using var s = await WarningScenario.StartAsync();
        var warning = await IssueAsync(s);
        s.Advance(TimeSpan.FromMinutes(20));
        await s.Workflow.SignForAsync(warning.Id, ChiefS1);
        s.Advance(TimeSpan.FromHours(5));

        Assert.Equal(0, await s.Workflow.EscalateOverdueAsync());
        Assert.Null(await EscalatedToAsync(s));
    }

    [Fact]
    public async Task Signing_after_one_escalation_stops_further_escalation()
    {
        await using var s = await WarningScenario.StartAsync();
        var warning = await IssueAsync(s);
        s.Advance(TimeSpan.FromMinutes(30));
        await s.Workflow.EscalateOverdueAsync();
        await s.Workflow.SignForAsync(warning.Id, ChiefS1);
        s.Advance(TimeSpan.FromHours(5));

        Assert.Equal(0, await s.Workflow.EscalateOverdueAsync());
        Assert.Equal("/T/S1/C1/", await EscalatedToAsync(s));
    }

    [Fact]
    public async Task Each_model_escalates_on_its_own_deadline()
    {
        await using var s = await WarningScenario.StartAsync();
        await IssueAsync(s, ModelCodes.RepeatedDispute);
        await IssueAsync(s, ModelCodes.SlowResponse, "alarm:110-1");
        s.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(1, await s.Workflow.EscalateOverdueAsync());

        Assert.NotNull(await EscalatedToAsync(s, ModelCodes.SlowResponse));
        Assert.Null(await EscalatedToAsync(s, ModelCodes.RepeatedDispute));
    }

    [Fact]
    public async Task A_deadline_changed_by_the_admin_applies_to_warnings_already_open()
    {
        await using var s = await WarningScenario.StartAsync();
        await IssueAsync(s);
        await s.Admin.UpdateAsync(ModelCodes.RepeatedDispute,
            new WarningModelChange(true, "{}", WarningLevel.Orange, 60, "StationChief,Officer"), "admin");
        s.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await s.Workflow.EscalateOverdueAsync());
        s.Advance(Minute);

        Assert.Equal(1, await s.Workflow.EscalateOverdueAsync());
    }
}
