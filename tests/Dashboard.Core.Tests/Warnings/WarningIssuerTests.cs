using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Tests.Warnings;

public sealed class WarningIssuerTests
{
    private const string S1Grid = "/T/S1/C1/G1/";
    private const string S2Grid = "/T/S2/C2/G2/";
    private static readonly CaseActor ChiefS1 = Actor("chief1", "/T/S1/", Roles.StationChief);
    private static readonly CaseActor ChiefS2 = Actor("chief2", "/T/S2/", Roles.StationChief);

    private static CaseActor Actor(string name, string path, string role) => new(name, new JurisdictionScope(path), new HashSet<string> { role });

    private static WarningFiring Firing(string subject, string reference, string path = S1Grid) =>
        new(ModelCodes.RepeatedDispute, subject, "渭南村3组12号", path, [new EvidenceItem(EvidenceItem.Alarm, reference, WarningScenario.T0)]);

    [Fact]
    public async Task Two_firings_about_one_subject_in_one_batch_make_one_warning_with_a_count_of_two()
    {
        await using var s = await WarningScenario.StartAsync();

        var outcomes = await s.Issuer.IssueAsync([Firing("household:a", "110-1"), Firing("household:a", "110-2")]);

        Assert.Equal([FiringOutcome.Issued, FiringOutcome.Repeated], outcomes);
        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        Assert.Equal(2, warning.Count);
        Assert.Equal(["110-1", "110-2"], warning.Evidence.Select(e => e.Reference).Order());
        Assert.Equal("issue", Assert.Single(s.Published).Action);
    }

    [Fact]
    public async Task The_same_firing_twice_leaves_the_open_warning_unchanged()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.Issuer.IssueAsync([Firing("household:a", "110-1")]);

        Assert.Equal([FiringOutcome.Unchanged], await s.Issuer.IssueAsync([Firing("household:a", "110-1")]));
        Assert.Equal(1, Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute)).Count);
        Assert.Single(s.Published);
    }

    [Fact]
    public async Task A_disabled_model_issues_nothing()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.ChangeAsync(async db => (await db.WarningModels.SingleAsync(m => m.Code == ModelCodes.RepeatedDispute)).Enabled = false);

        Assert.Equal([FiringOutcome.ModelOff], await s.Issuer.IssueAsync([Firing("household:a", "110-1")]));
        await s.DisputeAlarmAsync("110-2", address: "渭南村3组12号");
        await s.DisputeAlarmAsync("110-3", address: "渭南村3组12号");
        Assert.Empty(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        Assert.Empty(s.Published);
    }

    [Fact]
    public async Task A_silence_on_one_subject_blocks_only_that_subject()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.Silences.CreateAsync(ModelCodes.RepeatedDispute, "household:a", TimeSpan.FromDays(7), "已包案化解", ChiefS1);

        var outcomes = await s.Issuer.IssueAsync([Firing("household:a", "110-1"), Firing("household:b", "110-2")]);

        Assert.Equal([FiringOutcome.Silenced, FiringOutcome.Issued], outcomes);
        Assert.Equal("household:b", Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute)).SubjectKey);
    }

    [Fact]
    public async Task A_silence_on_a_model_blocks_every_subject_but_only_inside_its_jurisdiction()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.Silences.CreateAsync(ModelCodes.RepeatedDispute, null, TimeSpan.FromDays(7), "专项整治期间", ChiefS2);

        var outcomes = await s.Issuer.IssueAsync(
            [Firing("household:a", "110-1", S2Grid), Firing("household:b", "110-2", S2Grid), Firing("household:c", "110-3", S1Grid)]);

        Assert.Equal([FiringOutcome.Silenced, FiringOutcome.Silenced, FiringOutcome.Issued], outcomes);
        Assert.Equal(S1Grid, Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute)).JurisdictionPath);
    }

    [Fact]
    public async Task A_silence_blocks_until_it_expires_and_not_after()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.Silences.CreateAsync(ModelCodes.RepeatedDispute, null, TimeSpan.FromDays(1), "专项整治期间", ChiefS1);
        s.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        Assert.Equal([FiringOutcome.Silenced], await s.Issuer.IssueAsync([Firing("household:a", "110-1")]));

        s.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([FiringOutcome.Issued], await s.Issuer.IssueAsync([Firing("household:a", "110-2")]));
    }

    [Fact]
    public async Task A_lifted_silence_no_longer_blocks()
    {
        await using var s = await WarningScenario.StartAsync();
        var silence = await s.Silences.CreateAsync(ModelCodes.RepeatedDispute, null, TimeSpan.FromDays(7), "专项整治期间", ChiefS1);

        await s.Silences.LiftAsync(silence.Id, ChiefS1);

        Assert.Equal([FiringOutcome.Issued], await s.Issuer.IssueAsync([Firing("household:a", "110-1")]));
        Assert.Empty(await s.Silences.ActiveAsync(new JurisdictionScope("/T/")));
    }

    [Fact]
    public async Task Under_a_silence_a_repeat_still_adds_evidence_to_the_open_warning_without_telling_anyone()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.Issuer.IssueAsync([Firing("household:a", "110-1")]);
        await s.Silences.CreateAsync(ModelCodes.RepeatedDispute, null, TimeSpan.FromDays(7), "专项整治期间", ChiefS1);

        Assert.Equal([FiringOutcome.Repeated], await s.Issuer.IssueAsync([Firing("household:a", "110-2")]));

        Assert.Equal(2, Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute)).Count);
        Assert.Equal("issue", Assert.Single(s.Published).Action);
    }

    [Fact]
    public async Task An_officer_cannot_set_or_lift_a_silence()
    {
        await using var s = await WarningScenario.StartAsync();
        var officer = Actor("officer1", "/T/S1/", Roles.Officer);
        var silence = await s.Silences.CreateAsync(ModelCodes.RepeatedDispute, null, TimeSpan.FromDays(1), "专项整治期间", ChiefS1);

        await Assert.ThrowsAsync<DomainRuleException>(() =>
            s.Silences.CreateAsync(ModelCodes.RepeatedDispute, null, TimeSpan.FromDays(1), "太多了", officer));
        await Assert.ThrowsAsync<DomainRuleException>(() => s.Silences.LiftAsync(silence.Id, officer));
        Assert.Single(await s.Silences.ActiveAsync(new JurisdictionScope("/T/S1/")));
    }

    [Fact]
    public async Task A_chief_cannot_lift_a_silence_set_in_another_station()
    {
        await using var s = await WarningScenario.StartAsync();
        var silence = await s.Silences.CreateAsync(ModelCodes.RepeatedDispute, null, TimeSpan.FromDays(1), "专项整治期间", ChiefS2);

        await Assert.ThrowsAsync<DomainRuleException>(() => s.Silences.LiftAsync(silence.Id, ChiefS1));
        Assert.Single(await s.Silences.ActiveAsync(new JurisdictionScope("/T/S2/")));
    }

    [Theory]
    [InlineData(ModelCodes.RepeatedDispute, " ", 1.0)]
    [InlineData(ModelCodes.RepeatedDispute, "专项整治期间", 0.0)]
    [InlineData(ModelCodes.RepeatedDispute, "专项整治期间", 91.0)]
    [InlineData("no-such-model", "专项整治期间", 1.0)]
    public async Task A_silence_without_a_reason_a_sensible_length_or_a_known_model_is_refused(string model, string reason, double days)
    {
        await using var s = await WarningScenario.StartAsync();

        await Assert.ThrowsAsync<DomainRuleException>(() => s.Silences.CreateAsync(model, null, TimeSpan.FromDays(days), reason, ChiefS1));

        Assert.Empty(await s.Silences.ActiveAsync(new JurisdictionScope("/T/")));
    }
}
