using Bunit;
using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Security;
using Dashboard.Core.Time;
using Dashboard.Web.Components.Disputes;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Disputes;

/// <summary>The review queue and its badge, rendered by bunit against the real app's data and live state.</summary>
public sealed class ReviewQueueTests : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private static readonly JurisdictionScope Township = new("/T001/");
    private static readonly JurisdictionScope Station1 = new("/T001/S001/");
    private static readonly CaseActor Staff = new("staff1", Township, new HashSet<string> { Roles.Staff });
    private static readonly CaseActor Chief1 = new("chief1", Station1, new HashSet<string> { Roles.StationChief });
    private readonly DashboardAppFactory _app;
    private readonly BunitContext _ui = new();

    public ReviewQueueTests(DashboardAppFactory app)
    {
        _app = app;
        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        _ui.Services.AddMudServices();
        _ui.Services.AddLocalization();
        foreach (var type in new[] { typeof(LiveState), typeof(LocalCalendar), typeof(TimeProvider), typeof(DisputeQueries) })
            _ui.Services.AddSingleton(type, app.Services.GetRequiredService(type));
    }

    private async Task<string> AwaitingReviewAsync(string station, string description)
    {
        var intake = _app.Services.GetRequiredService<DisputeIntake>();
        var workflow = _app.Services.GetRequiredService<DisputeWorkflow>();
        var case_ = (await intake.RegisterAsync(new DisputeInput(null, null, null, "Neighbor", "Green", description, null, null, station, 2,
            [new PartyInput("冯某某", null, null, null)]), DisputeSource.Staff, "staff1", Township)).Value!;
        await workflow.RouteAsync(case_.Id, "村（社区）调委会", "调解员", null, Staff);
        await workflow.RecordMediationAsync(case_.Id, new MediationRecord
        {
            At = _app.Clock.GetUtcNow(), Mediator = "调解员", Method = MediationMethod.Phone, Outcome = MediationOutcome.Success,
        }, Staff);
        await workflow.RequestClosureAsync(case_.Id, "已和解", Staff);
        return case_.CaseNumber;
    }

    [Fact]
    public async Task A_chief_sees_only_his_stations_cases_awaiting_review_and_an_approved_one_leaves_the_queue_live()
    {
        var mine = await AwaitingReviewAsync("S001", "一所待审核的噪音纠纷");
        var theirs = await AwaitingReviewAsync("S002", "二所待审核的噪音纠纷");
        _ui.Render<MudBlazor.MudPopoverProvider>();
        var queue = _ui.Render<DisputeTable>(p => p.Add(t => t.Scope, Station1).Add(t => t.Filter, new DisputeFilter(AwaitingReview: true)));
        var badge = _ui.Render<ReviewBadge>(p => p.Add(b => b.Scope, Station1));

        queue.WaitForAssertion(() => Assert.Contains(mine, queue.Markup));
        Assert.DoesNotContain(theirs, queue.Markup);
        Assert.All(queue.FindAll("[data-testid=dispute-row]"), row => Assert.StartsWith("JF-", row.TextContent.Trim()));
        var before = int.Parse(badge.Find("[data-testid=review-badge]").TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

        var id = (await _app.Services.GetRequiredService<DisputeQueries>().SearchAsync(Station1, new DisputeFilter(Text: mine), 0, 1)).Items.Single().Id;
        await _app.Services.GetRequiredService<DisputeWorkflow>().ApproveClosureAsync(id, Chief1);
        _app.Clock.Advance(TimeSpan.FromSeconds(1)); // lets the coalescing notifier deliver

        queue.WaitForAssertion(() => Assert.DoesNotContain(mine, queue.Markup));
        badge.WaitForAssertion(() => Assert.Equal(before - 1, badge.FindAll("[data-testid=review-badge]") is { Count: 1 } b
            ? int.Parse(b[0].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    public async Task DisposeAsync() => await _ui.DisposeAsync();
}
