using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Tests.Warnings;

public sealed class RepeatedDisputeModelTests
{
    private const string Address = "青湖镇渭南村三组12号";

    [Fact]
    public async Task A_second_call_about_the_same_address_written_differently_fires_once()
    {
        await using var s = await WarningScenario.StartAsync();
        Assert.Empty(await s.DisputeAlarmAsync("110-1", address: "青湖镇渭南村三组12号"));
        s.Advance(TimeSpan.FromDays(3));
        Assert.Equal([FiringOutcome.Issued], await s.DisputeAlarmAsync("110-2", address: "渭南村3组１２号"));
        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        Assert.Equal(["110-1", "110-2"], warning.Evidence.OrderBy(e => e.At).Select(e => e.Reference));
    }

    [Fact]
    public async Task A_party_with_the_same_ID_number_makes_two_calls_from_different_addresses_one_household()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: "渭南村3组12号", partyId: "11010519491231002x");
        s.Advance(TimeSpan.FromDays(5));

        var outcomes = await s.DisputeAlarmAsync("110-2", address: "人民路88号", partyId: " 11010519491231002X ");

        Assert.Equal([FiringOutcome.Issued], outcomes);
        Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
    }

    [Fact]
    public async Task The_same_caller_phone_written_with_country_code_and_dashes_matches()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", callerPhone: "13812345678");
        s.Advance(TimeSpan.FromDays(1));

        var outcomes = await s.DisputeAlarmAsync("110-2", callerPhone: "+86 138-1234-5678");

        Assert.Equal([FiringOutcome.Issued], outcomes);
        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        Assert.DoesNotContain("13812345678", warning.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeat_on_day_30_still_fires()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address);
        s.Advance(TimeSpan.FromDays(30));

        Assert.Equal([FiringOutcome.Issued], await s.DisputeAlarmAsync("110-2", address: Address));
    }

    [Fact]
    public async Task A_repeat_on_day_31_is_outside_the_window_and_fires_nothing()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address);
        s.Advance(TimeSpan.FromDays(31));

        Assert.Empty(await s.DisputeAlarmAsync("110-2", address: Address));
        Assert.Empty(await s.WarningsAsync(ModelCodes.RepeatedDispute));
    }

    [Fact]
    public async Task A_third_call_adds_evidence_and_count_to_the_open_warning_instead_of_a_new_one()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address);
        s.Advance(TimeSpan.FromDays(2));
        await s.DisputeAlarmAsync("110-2", address: Address);
        s.Advance(TimeSpan.FromDays(2));

        var outcomes = await s.DisputeAlarmAsync("110-3", address: "渭南村三组十二号");

        Assert.Equal([FiringOutcome.Repeated], outcomes);
        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        Assert.Equal(2, warning.Count);
        Assert.Equal(["110-1", "110-2", "110-3"], warning.Evidence.OrderBy(e => e.At).Select(e => e.Reference));
        Assert.Equal(s.Clock.GetUtcNow(), warning.LastEvidenceAt);
        Assert.Equal(["issue", "repeat"], warning.Steps.Select(x => x.Action));
    }

    [Fact]
    public async Task After_the_warning_is_closed_a_new_call_raises_a_new_warning()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address);
        s.Advance(TimeSpan.FromDays(1));
        await s.DisputeAlarmAsync("110-2", address: Address);
        var first = Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        await s.CloseAsync(first.Id);
        s.Advance(TimeSpan.FromDays(1));

        var outcomes = await s.DisputeAlarmAsync("110-3", address: Address);

        Assert.Equal([FiringOutcome.Issued], outcomes);
        var warnings = await s.WarningsAsync(ModelCodes.RepeatedDispute);
        Assert.Equal(2, warnings.Count);
        Assert.Equal(WarningState.Closed, warnings[0].State);
        Assert.Equal(WarningState.Issued, warnings[1].State);
        Assert.Contains(warnings[1].Evidence, e => e.Reference == "110-3");
    }

    [Fact]
    public async Task A_case_registered_at_intake_counts_as_a_record_of_the_household()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address);
        s.Advance(TimeSpan.FromDays(4));

        var dispute = await s.CaseAsync(address: "渭南村3村民小组12号");

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        Assert.Equal([("alarm", "110-1"), ("case", dispute.CaseNumber)],
            warning.Evidence.OrderBy(e => e.At).Select(e => (e.Kind, e.Reference)));
    }

    [Fact]
    public async Task A_case_registered_from_an_alarm_is_not_counted_a_second_time()
    {
        await using var s = await WarningScenario.StartAsync();
        var alarm = await s.StoreAlarmAsync("110-1", address: Address);
        await s.Engine.OnAlarmAsync(alarm.Id);
        var accepted = await s.Intake.FromAlarmAsync(alarm.Id, RiskColor.Yellow, "staff1", new JurisdictionScope("/T/"));

        Assert.Empty(await s.Engine.OnDisputeAsync(accepted.Id));
        Assert.Empty(await s.WarningsAsync(ModelCodes.RepeatedDispute));

        s.Advance(TimeSpan.FromDays(1));
        await s.DisputeAlarmAsync("110-2", address: Address);
        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        Assert.Equal(["110-1", "110-2"], warning.Evidence.OrderBy(e => e.At).Select(e => e.Reference));
    }

    [Fact]
    public async Task A_neighbour_behind_another_door_number_is_another_household()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: "渭南村3组12号");
        s.Advance(TimeSpan.FromDays(1));

        Assert.Empty(await s.DisputeAlarmAsync("110-2", address: "渭南村3组14号"));
        Assert.Empty(await s.WarningsAsync(ModelCodes.RepeatedDispute));
    }

    [Fact]
    public async Task The_same_address_in_another_township_is_another_household()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: "渭南村3组12号");
        s.Advance(TimeSpan.FromDays(1));
        var elsewhere = await s.StoreAlarmAsync("110-2", address: "渭南村3组12号");
        await s.ChangeAsync(async db => (await db.Alarms.SingleAsync(a => a.Id == elsewhere.Id)).JurisdictionPath = "/U/S9/C9/G9/");

        Assert.Empty(await s.Engine.OnAlarmAsync(elsewhere.Id));
        Assert.Empty(await s.WarningsAsync(ModelCodes.RepeatedDispute));
    }

    [Fact]
    public async Task Records_written_past_ingestion_are_matched_once_their_keys_are_rebuilt()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.StoreAlarmAsync("110-imported", address: "青湖镇渭南村5组7号"); // bulk-written: no household keys
        s.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await HouseholdMarkStore.RebuildAsync(s.Database, s.Clock.GetUtcNow().AddDays(-90), default));

        Assert.Equal([FiringOutcome.Issued], await s.DisputeAlarmAsync("110-new", address: "渭南村五组7号"));
    }
}
