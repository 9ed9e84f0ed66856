using Dashboard.Core.Warnings;

namespace Dashboard.Core.Tests.Warnings;

public sealed class LongRunningDisputeModelTests
{
    private static readonly TimeSpan OpenDays = TimeSpan.FromDays(60);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_case_open_one_minute_short_of_60_days_fires_nothing()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.CaseAsync(address: "渭南村3组12号");
        s.Advance(OpenDays - Minute);

        Assert.Empty(await s.ScanAsync());
        Assert.Empty(await s.WarningsAsync(ModelCodes.LongRunningDispute));
    }

    [Fact]
    public async Task A_case_still_open_after_60_days_fires_at_the_model_level()
    {
        await using var s = await WarningScenario.StartAsync();
        var dispute = await s.CaseAsync(address: "渭南村3组12号");
        s.Advance(OpenDays - Minute);
        await s.ScanAsync();
        s.Advance(Minute * 2);

        Assert.Equal([FiringOutcome.Issued], await s.ScanAsync());

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.LongRunningDispute));
        Assert.Equal($"case:{dispute.CaseNumber}", warning.SubjectKey);
        Assert.Equal(WarningLevel.Yellow, warning.Level);
        Assert.Equal($"{dispute.CaseNumber} 渭南村3组12号", warning.Title);
        Assert.Equal(dispute.CaseNumber, Assert.Single(warning.Evidence).Reference);
    }

    [Fact]
    public async Task Scanning_again_while_the_warning_is_open_changes_nothing()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.CaseAsync();
        s.Advance(OpenDays + Minute);
        await s.ScanAsync();
        s.Advance(Minute);

        Assert.Equal([FiringOutcome.Unchanged], await s.ScanAsync());
        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.LongRunningDispute));
        Assert.Equal(1, warning.Count);
    }

    [Fact]
    public async Task Once_its_warning_is_closed_the_same_case_is_never_warned_again()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.CaseAsync();
        s.Advance(OpenDays + Minute);
        await s.ScanAsync();
        await s.CloseAsync(Assert.Single(await s.WarningsAsync(ModelCodes.LongRunningDispute)).Id);
        s.Advance(TimeSpan.FromDays(30));

        Assert.Equal([FiringOutcome.AlreadyWarned], await s.ScanAsync());
        Assert.Single(await s.WarningsAsync(ModelCodes.LongRunningDispute));
    }

    [Fact]
    public async Task A_case_closed_before_60_days_never_fires()
    {
        await using var s = await WarningScenario.StartAsync();
        var dispute = await s.CaseAsync();
        s.Advance(TimeSpan.FromDays(20));
        await s.CloseCaseAsync(dispute.Id);
        s.Advance(TimeSpan.FromDays(100));

        Assert.Empty(await s.ScanAsync());
        Assert.Empty(await s.WarningsAsync(ModelCodes.LongRunningDispute));
    }

    [Fact]
    public async Task Each_long_running_case_gets_its_own_warning()
    {
        await using var s = await WarningScenario.StartAsync();
        await s.CaseAsync();
        s.Advance(TimeSpan.FromDays(1));
        await s.CaseAsync();
        s.Advance(OpenDays - Minute);

        Assert.Equal([FiringOutcome.Issued], await s.ScanAsync());
        s.Advance(TimeSpan.FromDays(1));
        Assert.Equal([FiringOutcome.Issued, FiringOutcome.Unchanged], (await s.ScanAsync()).Order());
        Assert.Equal(2, (await s.WarningsAsync(ModelCodes.LongRunningDispute)).Count);
    }
}
