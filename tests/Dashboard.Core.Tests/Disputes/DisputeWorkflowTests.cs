using Dashboard.Core.Disputes;

namespace Dashboard.Core.Tests.Disputes;

public class DisputeWorkflowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    private static Dispute Registered() => new()
    {
        CaseNumber = "JF-1", Description = "邻里噪音纠纷", JurisdictionPath = "/T/S1/", RegisteredAt = T0, RegisteredBy = "staff1",
        Risk = RiskColor.Yellow,
    };

    private static MediationRecord Mediation(MediationOutcome outcome, int day) => new()
    {
        At = T0.AddDays(day), Mediator = "李四", Method = MediationMethod.InPerson, Outcome = outcome,
    };

    private static Dispute Mediated()
    {
        var d = Registered();
        d.Route("司法所", "张三", null, T0.AddDays(7), "staff1", T0);
        d.RecordMediation(Mediation(MediationOutcome.Success, 2), "张三");
        return d;
    }

    [Fact]
    public void The_whole_flow_ends_closed_with_a_follow_up_and_a_timeline()
    {
        var d = Mediated();
        d.RequestClosure("达成协议", "张三", T0.AddDays(3));
        d.ApproveClosure("chief1", T0.AddDays(4));
        d.RecordFollowUp(5, "满意", "officer1", T0.AddDays(10));
        Assert.Equal(DisputeStatus.Closed, d.Status);
        Assert.Equal(5, d.FollowUpSatisfaction);
        Assert.Equal(["route", "mediate", "request-closure", "approve", "follow-up"], d.Events.Select(e => e.Action));
    }

    [Fact]
    public void Closure_cannot_be_requested_before_mediation_has_an_outcome()
    {
        var d = Registered();
        d.Route("司法所", "张三", null, T0.AddDays(7), "staff1", T0);
        d.RecordMediation(Mediation(MediationOutcome.Pending, 1), "张三");
        var error = Assert.Throws<DomainRuleException>(() => d.RequestClosure("x", "张三", T0.AddDays(2)));
        Assert.Contains("Mediating", error.Message);
    }

    [Fact]
    public void A_returned_closure_needs_a_reason_and_sends_the_case_back()
    {
        var d = Mediated();
        d.RequestClosure("达成协议", "张三", T0.AddDays(3));
        Assert.Throws<DomainRuleException>(() => d.ReturnClosure(" ", "chief1", T0.AddDays(4)));
        d.ReturnClosure("缺少签字", "chief1", T0.AddDays(4));
        Assert.Equal(DisputeStatus.Returned, d.Status);
        d.RecordMediation(Mediation(MediationOutcome.Success, 5), "张三");
        d.RequestClosure("补充签字", "张三", T0.AddDays(5));
        Assert.Equal(DisputeStatus.ClosureRequested, d.Status);
    }

    [Fact]
    public void Approval_is_only_possible_for_a_requested_closure()
    {
        Assert.Throws<DomainRuleException>(() => Mediated().ApproveClosure("chief1", T0.AddDays(3)));
    }

    [Fact]
    public void Follow_up_only_after_closure_and_only_once()
    {
        var d = Mediated();
        Assert.Throws<DomainRuleException>(() => d.RecordFollowUp(4, null, "officer1", T0.AddDays(3)));
        d.RequestClosure("达成协议", "张三", T0.AddDays(3));
        d.ApproveClosure("chief1", T0.AddDays(4));
        d.RecordFollowUp(4, null, "officer1", T0.AddDays(9));
        Assert.Throws<DomainRuleException>(() => d.RecordFollowUp(4, null, "officer1", T0.AddDays(10)));
    }

    [Fact]
    public void Re_routing_keeps_the_history_of_who_was_responsible()
    {
        var d = Registered();
        d.Route("村调委会", "王五", null, T0.AddDays(7), "staff1", T0);
        d.Route("司法所", "张三", "镇长", T0.AddDays(7), "staff1", T0.AddDays(1));
        Assert.Equal(("司法所", "张三"), (d.ResponsibleOrg, d.ResponsiblePerson));
        Assert.Contains(d.Events, e => e.Action == "route" && e.From == "村调委会/王五" && e.To == "司法所/张三");
    }

    [Fact]
    public void An_overdue_case_is_supervised_once_and_a_closed_one_never()
    {
        var d = Registered();
        d.Route("司法所", "张三", null, T0.AddDays(3), "staff1", T0);
        Assert.False(d.Supervise(T0.AddDays(2)));
        Assert.True(d.Supervise(T0.AddDays(4)));
        Assert.False(d.Supervise(T0.AddDays(5)));
    }

    [Fact]
    public void Escalation_climbs_one_level_at_a_time_up_to_the_district()
    {
        var d = Registered();
        d.Escalate("chief1", T0);
        d.Escalate("leader", T0);
        Assert.Equal(DisputeLevel.District, d.Level);
        Assert.Throws<DomainRuleException>(() => d.Escalate("leader", T0));
    }
}
