using Dashboard.Core.Alarms;
using Dashboard.Core.Warnings;

namespace Dashboard.Core.Tests.Warnings;

public sealed class AlarmSurgeModelTests
{
    /// <summary><paramref name="perWeek"/> alarms in the same three hours of each of the previous eight weeks.</summary>
    private static async Task BaselineAsync(WarningScenario s, int perWeek, string grid = "G1")
    {
        var now = s.Clock.GetUtcNow();
        for (var week = 1; week <= 8; week++)
            for (var i = 0; i < perWeek; i++)
                await s.StoreAlarmAsync($"{grid}-w{week}-{i}", AlarmCategories.PublicOrder, "noise", grid: grid,
                    at: now.AddDays(-7 * week).AddMinutes(-60 - 10 * i));
    }

    /// <summary><paramref name="count"/> alarms in the last hour.</summary>
    private static async Task SurgeAsync(WarningScenario s, int count, string grid = "G1", string prefix = "now")
    {
        var now = s.Clock.GetUtcNow();
        for (var i = 1; i <= count; i++)
            await s.StoreAlarmAsync($"{grid}-{prefix}-{i}", AlarmCategories.PublicOrder, "noise", grid: grid, at: now.AddMinutes(-8 * i));
    }

    [Fact]
    public async Task Six_alarms_in_three_hours_against_a_baseline_of_one_fire_once_with_grid_evidence()
    {
        await using var s = await WarningScenario.StartAsync();
        await BaselineAsync(s, perWeek: 1);
        await BaselineAsync(s, perWeek: 1, grid: "G2");
        await SurgeAsync(s, 6);
        await SurgeAsync(s, 1, grid: "G2");

        await s.ScanAsync();
        s.Advance(TimeSpan.FromMinutes(1));
        await s.ScanAsync();

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.AlarmSurge));
        Assert.Equal(("G1", "/T/S1/C1/G1/", WarningLevel.Orange), (warning.GridCode, warning.JurisdictionPath, warning.Level));
        var grid = Assert.Single(warning.Evidence, e => e.Kind == EvidenceItem.Grid);
        Assert.Equal(("G1", "6 / 1.0"), (grid.Reference, grid.Note));
        Assert.Equal(6, warning.Evidence.Count(e => e.Kind == EvidenceItem.Alarm && e.Reference.StartsWith("G1-now-", StringComparison.Ordinal)));
        Assert.Equal(1, warning.Count);
    }

    [Fact]
    public async Task A_surge_of_thousands_lists_its_newest_alarms_and_counts_them_all()
    {
        await using var s = await WarningScenario.StartAsync();
        var now = s.Clock.GetUtcNow();
        var count = AlarmSurgeModel.MaxAlarmsListed + 30;
        for (var i = 1; i <= count; i++)
            await s.StoreAlarmAsync($"G1-now-{i}", AlarmCategories.PublicOrder, "noise", grid: "G1", at: now.AddSeconds(-20 * i));

        await s.ScanAsync();

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.AlarmSurge));
        Assert.Equal($"{count} / 0.0", Assert.Single(warning.Evidence, e => e.Kind == EvidenceItem.Grid).Note);
        var listed = warning.Evidence.Where(e => e.Kind == EvidenceItem.Alarm).Select(e => e.Reference).ToHashSet();
        Assert.Equal(Enumerable.Range(1, AlarmSurgeModel.MaxAlarmsListed).Select(i => $"G1-now-{i}").ToHashSet(), listed);
    }

    [Fact]
    public async Task A_warning_listing_the_most_alarms_takes_no_more_and_does_not_repeat_every_scan()
    {
        await using var s = await WarningScenario.StartAsync();
        var now = s.Clock.GetUtcNow();
        for (var i = 1; i <= AlarmSurgeModel.MaxAlarmsListed - 2; i++)
            await s.StoreAlarmAsync($"G1-now-{i}", AlarmCategories.PublicOrder, "noise", grid: "G1", at: now.AddSeconds(-20 * i));
        await s.ScanAsync();
        s.Advance(TimeSpan.FromMinutes(1));
        for (var i = 1; i <= 5; i++)
            await s.StoreAlarmAsync($"G1-later-{i}", AlarmCategories.PublicOrder, "noise", grid: "G1", at: s.Clock.GetUtcNow().AddSeconds(-i));

        await s.ScanAsync();
        s.Advance(TimeSpan.FromMinutes(1));
        await s.StoreAlarmAsync("G1-latest", AlarmCategories.PublicOrder, "noise", grid: "G1", at: s.Clock.GetUtcNow().AddSeconds(-1));
        await s.ScanAsync();

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.AlarmSurge));
        var listed = warning.Evidence.Where(e => e.Kind == EvidenceItem.Alarm).Select(e => e.Reference).ToList();
        // Room for two more: the newest two of the five that came later; nothing after that.
        Assert.Equal(AlarmSurgeModel.MaxAlarmsListed, listed.Count);
        Assert.Equal(["G1-later-1", "G1-later-2"], listed.Where(r => r.StartsWith("G1-later-", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain("G1-latest", listed);
        Assert.Equal(2, warning.Count);
    }

    [Fact]
    public async Task Four_alarms_are_below_the_minimum_count_and_fire_nothing_even_in_a_quiet_grid()
    {
        await using var s = await WarningScenario.StartAsync();
        await SurgeAsync(s, 4);

        await s.ScanAsync();

        Assert.Empty(await s.WarningsAsync(ModelCodes.AlarmSurge));
    }

    [Fact]
    public async Task A_grid_as_busy_now_as_in_its_baseline_fires_nothing()
    {
        await using var s = await WarningScenario.StartAsync();
        await BaselineAsync(s, perWeek: 6);
        await SurgeAsync(s, 6);

        await s.ScanAsync();

        Assert.Empty(await s.WarningsAsync(ModelCodes.AlarmSurge));
    }

    [Fact]
    public async Task Alarms_arriving_during_an_open_surge_add_to_its_warning()
    {
        await using var s = await WarningScenario.StartAsync();
        await BaselineAsync(s, perWeek: 1);
        await SurgeAsync(s, 6);
        await s.ScanAsync();
        s.Advance(TimeSpan.FromMinutes(5));
        await s.StoreAlarmAsync("G1-late", AlarmCategories.PublicOrder, "noise");

        await s.ScanAsync();

        var warning = Assert.Single(await s.WarningsAsync(ModelCodes.AlarmSurge));
        Assert.Equal(2, warning.Count);
        Assert.Contains(warning.Evidence, e => e.Reference == "G1-late");
    }

    [Fact]
    public async Task A_surge_still_going_when_the_clock_passes_a_three_hour_mark_is_warned_once()
    {
        await using var s = await WarningScenario.StartAsync();
        await BaselineAsync(s, perWeek: 1);
        await SurgeAsync(s, 6);
        s.Advance(TimeSpan.FromMinutes(59)); // 02:59 UTC
        await s.ScanAsync();

        s.Advance(TimeSpan.FromMinutes(2)); // 03:01 UTC
        await s.ScanAsync();

        Assert.Single(await s.WarningsAsync(ModelCodes.AlarmSurge));
    }

    [Fact]
    public async Task A_closed_surge_warning_is_not_raised_again_for_the_same_alarms()
    {
        await using var s = await WarningScenario.StartAsync();
        await BaselineAsync(s, perWeek: 1);
        await SurgeAsync(s, 6);
        s.Advance(TimeSpan.FromMinutes(59));
        await s.ScanAsync();
        await s.CloseAsync(Assert.Single(await s.WarningsAsync(ModelCodes.AlarmSurge)).Id);

        s.Advance(TimeSpan.FromMinutes(2));
        await s.ScanAsync();

        Assert.Single(await s.WarningsAsync(ModelCodes.AlarmSurge));
    }

    [Fact]
    public async Task A_new_surge_after_the_last_one_has_passed_raises_a_new_warning()
    {
        await using var s = await WarningScenario.StartAsync();
        await SurgeAsync(s, 5);
        await s.ScanAsync();
        await s.CloseAsync(Assert.Single(await s.WarningsAsync(ModelCodes.AlarmSurge)).Id);
        s.Advance(TimeSpan.FromHours(4));
        await SurgeAsync(s, 5, prefix: "later");

        await s.ScanAsync();

        Assert.Equal(2, (await s.WarningsAsync(ModelCodes.AlarmSurge)).Count);
    }

    [Theory]
    [InlineData(5, 1.0, 0.0036598)]
    [InlineData(6, 1.0, 0.0005942)]
    [InlineData(1, 2.0, 0.8646647)]
    [InlineData(6, 6.0, 0.5543204)]
    [InlineData(3, 0.5, 0.0143877)]
    [InlineData(0, 3.0, 1.0)]
    [InlineData(3, 0.0, 0.0)]
    public void The_Poisson_tail_matches_known_values(int k, double lambda, double expected)
    {
        Assert.Equal(expected, PoissonTail.AtLeast(k, lambda), 6);
    }
}
