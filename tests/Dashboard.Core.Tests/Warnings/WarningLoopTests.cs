using Dashboard.Core.Warnings;

namespace Dashboard.Core.Tests.Warnings;

public class WarningLoopTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static Warning Issued() => new()
    {
        ModelCode = "repeated-dispute", SubjectKey = "addr:渭南村14号", Title = "重复纠纷", JurisdictionPath = "/T/S1/", IssuedAt = T0,
    };

    [Fact]
    public void The_loop_runs_sign_feedback_verify_close_in_order()
    {
        var w = Issued();
        w.SignFor("chief1", T0.AddMinutes(5));
        w.GiveFeedback("已上门调解", T0.AddHours(2));
        w.Verify("leader", T0.AddHours(5));
        w.Close(T0.AddHours(6));
        Assert.Equal(WarningState.Closed, w.State);
        Assert.False(w.IsOpen);
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var w = Issued();
        Assert.Throws<DomainRuleException>(() => w.Verify("leader", T0));
        Assert.Throws<DomainRuleException>(() => w.GiveFeedback("x", T0));
        w.SignFor("chief1", T0);
        Assert.Throws<DomainRuleException>(() => w.SignFor("chief2", T0));
    }

    [Fact]
    public void Repeated_evidence_is_counted_once()
    {
        var w = Issued();
        w.AddEvidence(new WarningEvidence { Kind = "alarm", Reference = "110-2", At = T0 });
        w.AddEvidence(new WarningEvidence { Kind = "alarm", Reference = "110-2", At = T0 });
        Assert.Equal(2, w.Count);
    }

    [Fact]
    public void Only_an_unsigned_warning_escalates_and_only_once()
    {
        var w = Issued();
        Assert.True(w.Escalate("/T/", T0.AddMinutes(31)));
        Assert.False(w.Escalate("/T/", T0.AddMinutes(62)));
        var signed = Issued();
        signed.SignFor("chief1", T0);
        Assert.False(signed.Escalate("/T/", T0.AddMinutes(31)));
    }
}
