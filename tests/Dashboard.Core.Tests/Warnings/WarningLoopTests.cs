using Dashboard.Core.Warnings;

namespace Dashboard.Core.Tests.Warnings;

public class WarningLoopTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(30);

    private static Warning Issued(string path = "/T/S1/C1/G1/")
    {
        var w = new Warning { ModelCode = "repeated-dispute", SubjectKey = "household:1", Title = "渭南村14号", JurisdictionPath = path };
        w.Issue([new WarningEvidence { Kind = "alarm", Reference = "110-1", At = T0 }], T0);
        return w;
    }

    [Fact]
    public void The_loop_runs_sign_feedback_verify_close_in_order_and_each_step_is_on_the_timeline()
    {
        var w = Issued();
        w.SignFor("chief1", T0.AddMinutes(5));
        w.GiveFeedback("officer1", "已上门调解", T0.AddHours(2));
        w.Verify("chief1", T0.AddHours(5));
        w.Close("chief1", T0.AddHours(6));
        Assert.Equal(WarningState.Closed, w.State);
        Assert.False(w.IsOpen);
        Assert.Equal(["issue", "sign", "feedback", "verify", "close"], w.Steps.Select(s => s.Action));
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var w = Issued();
        Assert.Throws<DomainRuleException>(() => w.Verify("leader", T0));
        Assert.Throws<DomainRuleException>(() => w.GiveFeedback("officer1", "x", T0));
        Assert.Throws<DomainRuleException>(() => w.Close("leader", T0));
        w.SignFor("chief1", T0);
        Assert.Throws<DomainRuleException>(() => w.SignFor("chief2", T0));
        Assert.Throws<DomainRuleException>(() => w.GiveFeedback("officer1", "  ", T0));
    }

    [Fact]
    public void Repeated_evidence_is_counted_once()
    {
        var w = Issued();
        Assert.Equal(1, w.AddEvidence([new WarningEvidence { Kind = "alarm", Reference = "110-2", At = T0 }], T0));
        Assert.Equal(0, w.AddEvidence([new WarningEvidence { Kind = "alarm", Reference = "110-2", At = T0 }], T0));
        Assert.Equal(2, w.Count);
        Assert.Equal(2, w.Evidence.Count);
    }

    [Fact]
    public void An_unsigned_warning_escalates_one_level_per_missed_deadline_up_to_the_top()
    {
        var w = Issued("/T/S1/");
        Assert.False(w.Escalate(Deadline, T0.AddMinutes(29)));
        Assert.True(w.Escalate(Deadline, T0.AddMinutes(30)));
        Assert.Equal("/T/", w.EscalatedTo);
        Assert.False(w.Escalate(Deadline, T0.AddMinutes(59)));
        Assert.False(w.Escalate(Deadline, T0.AddMinutes(61))); // nothing above the township
        var signed = Issued();
        signed.SignFor("chief1", T0);
        Assert.False(signed.Escalate(Deadline, T0.AddMinutes(31)));
    }
}
