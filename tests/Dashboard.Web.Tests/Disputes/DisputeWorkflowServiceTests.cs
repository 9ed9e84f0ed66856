using System.Net.Http.Json;
using Dashboard.Core;
using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Disputes;

public sealed class DisputeWorkflowServiceTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly JurisdictionScope Township = new("/T001/");
    private static readonly CaseActor Staff = new("staff1", Township, new HashSet<string> { Roles.Staff });
    private static readonly CaseActor Leader = new("leader", Township, new HashSet<string> { Roles.Leader });
    private static readonly CaseActor Chief1 = new("chief1", new("/T001/S001/"), new HashSet<string> { Roles.StationChief });
    private static readonly CaseActor Chief2 = new("chief2", new("/T001/S002/"), new HashSet<string> { Roles.StationChief });
    private static readonly CaseActor Officer1 = new("officer1", new("/T001/S001/"), new HashSet<string> { Roles.Officer });

    private DisputeWorkflow Workflow => app.Services.GetRequiredService<DisputeWorkflow>();
    private DisputeIntake Intake => app.Services.GetRequiredService<DisputeIntake>();

    private async Task<long> RegisterInStation1Async(string risk = "Red")
    {
        var grid = await app.QueryAsync(db => db.Jurisdictions
            .Where(n => n.Level == JurisdictionLevel.Grid && n.Path.StartsWith("/T001/S001/")).Select(n => n.Code).FirstAsync());
        var (lat, lon, _, _) = await app.InsideGridAsync(grid);
        var outcome = await Intake.RegisterAsync(new DisputeInput(null, null, null, "Land", risk, "宅基地边界争议", "某村3组",
            new GeoPoint(lat, lon), null, 4, [new PartyInput("钱某某", null, "13700001111", "申请人")]), DisputeSource.Staff, "staff1", Township);
        Assert.True(outcome.Accepted);
        return outcome.Value!.Id;
    }

    private Task<Dispute> LoadAsync(long id) =>
        app.QueryAsync(db => db.Disputes.Include(d => d.Events).Include(d => d.Mediations).SingleAsync(d => d.Id == id));

    private static MediationRecord Mediation(DateTimeOffset at, MediationOutcome outcome) =>
        new() { At = at, Mediator = "司法所 孙某", Method = MediationMethod.InPerson, Agreement = "重新划定边界", Amount = 2000m, Outcome = outcome };

    [Fact]
    public async Task A_case_goes_from_routing_to_follow_up_with_its_deadline_timeline_audit_and_live_notices()
    {
        var changes = new List<DisputeChanged>();
        using var _ = app.Services.GetRequiredService<ILiveBus>().Subscribe<DisputeChanged>(changes.Add);
        var id = await RegisterInStation1Async(risk: "Red");
        var now = app.Clock.GetUtcNow();

        await Workflow.RouteAsync(id, "司法所", "孙某", "副镇长 周某", Staff);
        Assert.Equal(now.AddDays(3).UtcTicks / TimeSpan.TicksPerSecond, (await LoadAsync(id)).Deadline!.Value.UtcTicks / TimeSpan.TicksPerSecond);
        await Workflow.RecordMediationAsync(id, Mediation(now, MediationOutcome.Success), Staff);
        await Workflow.RequestClosureAsync(id, "双方签订调解协议", Staff);
        await Workflow.ApproveClosureAsync(id, Chief1);
        await Workflow.RecordFollowUpAsync(id, 4, "双方满意", Officer1);

        var dispute = await LoadAsync(id);
        Assert.Equal(DisputeStatus.Closed, dispute.Status);
        Assert.Equal("chief1", dispute.ClosedBy);
        Assert.Equal(4, dispute.FollowUpSatisfaction);
        Assert.Equal(2000m, dispute.Mediations.Single().Amount);
        Assert.Equal(["register", "route", "mediate", "request-closure", "approve", "follow-up"], dispute.Events.OrderBy(e => e.Id).Select(e => e.Action));
        var audit = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Target == dispute.CaseNumber).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["dispute.register", "dispute.route", "dispute.mediate", "dispute.request-closure", "dispute.approve", "dispute.follow-up"],
            audit.Select(a => a.Action));
        Assert.Contains("Registered/Village -/- due", audit[1].Detail);
        Assert.Contains("→ Routed/Village 司法所/孙某", audit[1].Detail);
        Assert.Equal(["register", "route", "mediate", "request-closure", "approve", "follow-up"], changes.Where(c => c.Id == id).Select(c => c.Action));
        Assert.Equal("孙某", changes.Single(c => c.Id == id && c.Action == "approve").NotifyUser);
    }

    [Fact]
    public async Task Another_station_chief_can_neither_see_nor_approve_the_case()
    {
        var id = await RegisterInStation1Async();
        await Workflow.RouteAsync(id, "派出所", "民警甲", null, Staff);
        await Workflow.RecordMediationAsync(id, Mediation(app.Clock.GetUtcNow(), MediationOutcome.Success), Staff);
        await Workflow.RequestClosureAsync(id, "已调解", Staff);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Workflow.ApproveClosureAsync(id, Chief2));
        Assert.Contains("No such case", ex.Message);
        Assert.Equal(DisputeStatus.ClosureRequested, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Only_reviewers_approve_and_an_escalated_case_is_for_the_centre_leaders()
    {
        var id = await RegisterInStation1Async(risk: "Green");
        await Workflow.RouteAsync(id, "村（社区）调委会", "调解员乙", null, Staff);
        var routed = (await LoadAsync(id)).Deadline!.Value;
        await Workflow.EscalateAsync(id, Staff);
        var escalated = await LoadAsync(id);
        Assert.Equal(DisputeLevel.Township, escalated.Level);
        Assert.True(escalated.Deadline > routed, "the higher level gets more time");
        await Workflow.RecordMediationAsync(id, Mediation(app.Clock.GetUtcNow(), MediationOutcome.Failure), Staff);
        await Workflow.RequestClosureAsync(id, "调解不成，引导诉讼", Staff);

        await Assert.ThrowsAsync<DomainRuleException>(() => Workflow.ApproveClosureAsync(id, Officer1));
        var chief = await Assert.ThrowsAsync<DomainRuleException>(() => Workflow.ApproveClosureAsync(id, Chief1));
        Assert.Contains("leaders", chief.Message);
        await Workflow.ReturnClosureAsync(id, "请补充诉讼引导记录", Leader);
        Assert.Equal(DisputeStatus.Returned, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Illegal_steps_are_refused_with_a_clear_message_and_change_nothing()
    {
        var id = await RegisterInStation1Async();

        var approve = await Assert.ThrowsAsync<DomainRuleException>(() => Workflow.ApproveClosureAsync(id, Chief1));
        var close = await Assert.ThrowsAsync<DomainRuleException>(() => Workflow.RequestClosureAsync(id, "结案", Staff));
        var follow = await Assert.ThrowsAsync<DomainRuleException>(() => Workflow.RecordFollowUpAsync(id, 5, null, Staff));
        var future = await Assert.ThrowsAsync<DomainRuleException>(async () =>
        {
            await Workflow.RouteAsync(id, "司法所", "孙某", null, Staff);
            await Workflow.RecordMediationAsync(id, Mediation(app.Clock.GetUtcNow().AddDays(1), MediationOutcome.Success), Staff);
        });
        var noReason = await Assert.ThrowsAsync<DomainRuleException>(() => Workflow.RouteAsync(id, " ", "孙某", null, Staff));

        Assert.Contains("Registered", approve.Message);
        Assert.Contains("RequestClosure", close.Message);
        Assert.Contains("FollowUp", follow.Message);
        Assert.Contains("future", future.Message);
        Assert.Contains("organisation", noReason.Message);
        var dispute = await LoadAsync(id);
        Assert.Equal(DisputeStatus.Routed, dispute.Status);
        Assert.Empty(dispute.Mediations);
    }

    [Fact]
    public async Task A_dispute_alarm_becomes_one_case_linked_both_ways_and_other_alarms_do_not()
    {
        var (lat, lon, _, _) = await app.InsideGridAsync();
        foreach (var (id, category) in new[] { ("110-d1", "dispute"), ("110-t1", "traffic") })
            (await app.ApiClient().PostAsJsonAsync("/api/v1/alarms", new
            {
                externalId = id, receivedAt = app.Clock.GetUtcNow(), category, subcategory = category == "dispute" ? "dispute.family" : null,
                summary = "夫妻吵架", location = new { lat, lon }, parties = new[] { new { name = "施某某", phone = "13812345678" } },
            })).EnsureSuccessStatusCode();
        var alarmId = await app.QueryAsync(db => db.Alarms.Where(a => a.ExternalId == "110-d1").Select(a => a.Id).SingleAsync());
        var trafficId = await app.QueryAsync(db => db.Alarms.Where(a => a.ExternalId == "110-t1").Select(a => a.Id).SingleAsync());

        var first = await Intake.FromAlarmAsync(alarmId, RiskColor.Yellow, "officer1", Township);
        var second = await Intake.FromAlarmAsync(alarmId, RiskColor.Yellow, "officer1", Township);

        Assert.Equal(first.Id, second.Id);
        Assert.True(second.Duplicate);
        var dispute = await app.QueryAsync(db => db.Disputes.Include(d => d.Parties).SingleAsync(d => d.Id == first.Id));
        Assert.Equal(alarmId, dispute.AlarmId);
        Assert.Equal(DisputeCategory.Family, dispute.Category);
        Assert.Equal(DisputeSource.Alarm, dispute.Source);
        Assert.Equal("施某某", dispute.Parties.Single().Name);
        Assert.Equal(first.Id, await app.QueryAsync(db => db.Alarms.Where(a => a.Id == alarmId).Select(a => a.DisputeId).SingleAsync()));
        await Assert.ThrowsAsync<DomainRuleException>(() => Intake.FromAlarmAsync(trafficId, RiskColor.Green, "officer1", Township));
        var s2 = new JurisdictionScope("/T001/S002/");
        if (!dispute.JurisdictionPath.StartsWith(s2.Path, StringComparison.Ordinal))
            await Assert.ThrowsAsync<DomainRuleException>(() => Intake.FromAlarmAsync(alarmId, RiskColor.Green, "chief2", s2));
    }
}
