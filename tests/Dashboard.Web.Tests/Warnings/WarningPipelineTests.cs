using System.Net.Http.Json;
using Dashboard.Core.Live;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Warnings;

/// <summary>From the ingestion API to a stored, published warning, on the real app.</summary>
public sealed class WarningPipelineTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private async Task PostDisputeAlarmAsync(string externalId, string address, string? callerPhone = null)
    {
        var (lat, lon, _, _) = await app.InsideGridAsync();
        var response = await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", new
        {
            externalId, receivedAt = app.Clock.GetUtcNow(), category = "dispute", subcategory = "dispute.neighbor",
            summary = "邻里纠纷", address, callerPhone, location = new { lat, lon },
        });
        response.EnsureSuccessStatusCode();
    }

    private Task<Warning?> WarningAboutAsync(string externalId) => app.QueryAsync(db => db.Warnings.Include(w => w.Evidence)
        .Where(w => w.ModelCode == ModelCodes.RepeatedDispute && w.Evidence.Any(e => e.Reference == externalId)).SingleOrDefaultAsync());

    private async Task<Warning> WaitForWarningAboutAsync(string externalId)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await WarningAboutAsync(externalId) is { } w) return w;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No warning about {externalId}");
    }

    [Fact]
    public async Task Two_dispute_calls_about_one_household_written_differently_raise_one_warning_and_a_third_adds_to_it()
    {
        var published = new System.Collections.Concurrent.ConcurrentQueue<WarningChanged>();
        using var _ = app.Services.GetRequiredService<ILiveBus>().Subscribe<WarningChanged>(published.Enqueue);

        await PostDisputeAlarmAsync("110-rd-1", "青湖镇渭南村三组12号");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await PostDisputeAlarmAsync("110-rd-2", "渭南村3组１２号");
        var warning = await WaitForWarningAboutAsync("110-rd-2");

        Assert.Equal(["110-rd-1", "110-rd-2"], warning.Evidence.OrderBy(e => e.At).Select(e => e.Reference));
        Assert.Equal(WarningState.Issued, warning.State);
        // The warning is published right after its commit, so the row can be read a moment before the message is out.
        for (var i = 0; i < 100 && !published.Any(p => p.Id == warning.Id); i++) await Task.Delay(50);
        Assert.Contains(published, p => p.Id == warning.Id && p.Action == "issue" && p.Evidence.Count == 2);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await PostDisputeAlarmAsync("110-rd-3", "渭南村三组十二号", callerPhone: "13900001111");
        var repeated = await WaitForWarningAboutAsync("110-rd-3");
        Assert.Equal(warning.Id, repeated.Id);
        Assert.Equal(2, repeated.Count);
        Assert.Equal(1, await app.QueryAsync(db => db.Warnings.CountAsync(w => w.ModelCode == ModelCodes.RepeatedDispute && w.SubjectKey == warning.SubjectKey)));
    }

    [Fact]
    public async Task A_second_call_after_the_window_raises_nothing()
    {
        await PostDisputeAlarmAsync("110-rd-old", "青湖镇桥角村7组3号");
        app.Clock.Advance(TimeSpan.FromDays(31));
        await PostDisputeAlarmAsync("110-rd-new", "桥角村7组3号");
        await PostDisputeAlarmAsync("110-rd-other", "桥角村7组4号");

        // The trigger queue is in order: once a later alarm's keys are stored, the earlier ones were evaluated.
        for (var i = 0; i < 100 && !await app.QueryAsync(db => db.HouseholdMarks.AnyAsync(m => m.Reference == "110-rd-other")); i++)
            await Task.Delay(50);
        Assert.Null(await WarningAboutAsync("110-rd-new"));
        Assert.Null(await WarningAboutAsync("110-rd-other"));
    }
}
