using Dashboard.Core.Warnings;

namespace Dashboard.Core.Tests.Warnings;

public sealed class DomesticViolenceModelTests
{
    private const string Address = "渭南村3组12号";
    private const string DomesticViolence = HouseholdRecord.DomesticViolenceSubcategory;

    [Fact]
    public async Task One_domestic_violence_call_without_injury_fires_nothing()
    {
        await using var s = await WarningScenario.StartAsync();

        Assert.Empty(await s.DisputeAlarmAsync("110-1", address: Address, subcategory: DomesticViolence));
        Assert.Empty(await s.WarningsAsync(ModelCodes.DomesticViolence));
    }

    [Fact]
    public async Task A_second_call_within_90_days_fires_at_the_model_level()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address, subcategory: DomesticViolence);
        s.Advance(TimeSpan.FromDays(60));

        await s.DisputeAlarmAsync("110-2", address: Address, subcategory: DomesticViolence);

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.DomesticViolence));
        Assert.Equal(WarningLevel.Orange, warning.Level);
        Assert.Equal(["110-1", "110-2"], warning.Evidence.OrderBy(e => e.At).Select(e => e.Reference));
        Assert.Contains(s.Published, p => p.ModelCode == ModelCodes.DomesticViolence && p.Action == "issue");
    }

    [Fact]
    public async Task One_call_with_injury_fires_red_at_once()
    {
        await using var s = await WarningScenario.StartAsync();

        Assert.Equal([FiringOutcome.Issued], await s.DisputeAlarmAsync("110-1", address: Address, subcategory: DomesticViolence, injury: true));

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.DomesticViolence));
        Assert.Equal(WarningLevel.Red, warning.Level);
        Assert.Equal("injury", Assert.Single(warning.Evidence).Note);
    }

    [Fact]
    public async Task An_injury_in_a_later_call_raises_the_open_warning_to_red()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address, subcategory: DomesticViolence);
        s.Advance(TimeSpan.FromDays(40));
        await s.DisputeAlarmAsync("110-2", address: Address, subcategory: DomesticViolence);
        s.Advance(TimeSpan.FromDays(40));

        await s.DisputeAlarmAsync("110-3", address: Address, subcategory: DomesticViolence, injury: true);

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.DomesticViolence));
        Assert.Equal(WarningLevel.Red, warning.Level);
        Assert.Equal(3, warning.Evidence.Count);
    }

    [Fact]
    public async Task A_second_call_on_day_91_is_outside_the_window_and_fires_nothing()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address, subcategory: DomesticViolence);
        s.Advance(TimeSpan.FromDays(91));

        Assert.Empty(await s.DisputeAlarmAsync("110-2", address: Address, subcategory: DomesticViolence));
        Assert.Empty(await s.WarningsAsync(ModelCodes.DomesticViolence));
    }

    [Fact]
    public async Task Plain_neighbour_disputes_never_fire_the_domestic_violence_model()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address, injury: true);
        s.Advance(TimeSpan.FromDays(1));
        await s.DisputeAlarmAsync("110-2", address: Address);

        Assert.Single(await s.WarningsAsync(ModelCodes.RepeatedDispute));
        Assert.Empty(await s.WarningsAsync(ModelCodes.DomesticViolence));
    }

    [Fact]
    public async Task A_neighbour_dispute_does_not_count_towards_a_later_domestic_violence_call()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.DisputeAlarmAsync("110-1", address: Address);
        s.Advance(TimeSpan.FromDays(40));

        await s.DisputeAlarmAsync("110-2", address: Address, subcategory: DomesticViolence);

        Assert.Empty(await s.WarningsAsync(ModelCodes.DomesticViolence));
    }
}
