using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Dashboard.Web.Tests.Disputes;

public sealed class DisputeSupervisionTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly JurisdictionScope Township = new("/T001/");
    private static readonly CaseActor Staff = new("staff1", Township, new HashSet<string> { Roles.Staff });

    private DisputeSupervision Supervision => app.Services.GetRequiredService<DisputeSupervision>();

    private async Task<(long Id, string CaseNumber)> RoutedAsync(string risk)
    {
        var intake = app.Services.GetRequiredService<DisputeIntake>();
        var outcome = await intake.RegisterAsync(new DisputeInput(null, null, null, "Labor", risk, "工程款纠纷", null, null, "S001", 12,
            [new PartyInput("某建筑公司", null, null, "被申请人")]), DisputeSource.GridWorker, "staff1", Township);
        await app.Services.GetRequiredService<DisputeWorkflow>().RouteAsync(outcome.Value!.Id, "劳动保障所", "吴某", null, Staff);
        return (outcome.Value.Id, outcome.Value.CaseNumber);
    }

    [Fact]
    public async Task A_red_case_is_flagged_a_day_ahead_then_supervised_once_overdue_and_each_only_once()
    {
        var changes = new List<DisputeChanged>();
        using var _ = app.Services.GetRequiredService<ILiveBus>().Subscribe<DisputeChanged>(changes.Add);
        var red = await RoutedAsync("Red");
        var green = await RoutedAsync("Green");

        app.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        var ahead = await Supervision.ScanAsync();
        var again = await Supervision.ScanAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var overdue = await Supervision.ScanAsync();
        var overdueAgain = await Supervision.ScanAsync();

        Assert.Contains(red.CaseNumber, ahead.DueSoon);
        Assert.DoesNotContain(green.CaseNumber, ahead.DueSoon);
        Assert.DoesNotContain(red.CaseNumber, again.DueSoon);
        Assert.Contains(red.CaseNumber, overdue.Supervised);
        Assert.DoesNotContain(green.CaseNumber, overdue.Supervised);
        Assert.DoesNotContain(red.CaseNumber, overdueAgain.Supervised);
        var notices = changes.Where(c => c.Id == red.Id && c.Action is "due-soon" or "supervise").ToList();
        Assert.Equal(["due-soon", "supervise"], notices.Select(c => c.Action));
        Assert.All(notices, n => Assert.Equal("吴某", n.NotifyUser));
        var dispute = await app.QueryAsync(db => db.Disputes.Include(d => d.Events).SingleAsync(d => d.Id == red.Id));
        Assert.NotNull(dispute.SupervisedAt);
        Assert.Equal(1, dispute.Events.Count(e => e.Action == "supervise"));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "dispute.supervise" && a.Target == red.CaseNumber)));
    }

    [Fact]
    public async Task A_rerouted_case_gets_a_new_deadline_and_is_supervised_again_when_it_passes()
    {
        var red = await RoutedAsync("Red");
        // The scheduled scan may run between these steps too, so the case's own state is checked, not who marked it.
        Task<DateTimeOffset?> SupervisedAtAsync() => app.QueryAsync(db => db.Disputes.Where(d => d.Id == red.Id).Select(d => d.SupervisedAt).SingleAsync());
        app.Clock.Advance(TimeSpan.FromDays(4));
        await Supervision.ScanAsync();
        var first = await SupervisedAtAsync();
        Assert.NotNull(first);

        await app.Services.GetRequiredService<DisputeWorkflow>().RouteAsync(red.Id, "司法所", "郑某", null, Staff);
        await Supervision.ScanAsync();
        Assert.Null(await SupervisedAtAsync());
        app.Clock.Advance(TimeSpan.FromDays(4));
        await Supervision.ScanAsync();

        Assert.True(await SupervisedAtAsync() > first);
    }

    [Fact]
    public async Task The_scan_is_scheduled_as_a_quartz_job()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(new JobKey("dispute-supervision")));
        Assert.NotEmpty(await scheduler.GetTriggersOfJob(new JobKey("dispute-supervision")));
    }
}
