using Dashboard.Core.Warnings;

namespace Dashboard.Core.Tests.Warnings;

public sealed class RepeatedDisputeModelTests
{
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
}
