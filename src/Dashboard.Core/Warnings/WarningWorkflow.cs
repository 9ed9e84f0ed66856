using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>
/// Moves warnings around their loop (签收 → 反馈 → 核处 → 关闭) for people in the warning's jurisdiction, audited and
/// published once committed; and escalates (督办) the ones nobody signed for in time.
/// </summary>
public sealed class WarningWorkflow(
    IDbContextFactory<DashboardDbContext> dbFactory, DisputeIntake intake, ILiveBus bus, TimeProvider clock)
{
    private static readonly string[] Reviewers = [Roles.StationChief, Roles.Leader, Roles.Admin];

    public Task SignForAsync(long id, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "sign", (w, model, now) =>
        {
            if (!CanSignFor(actor, model)) throw new DomainRuleException("Warning.SignForRecipientsOnly", "This warning is signed for by the people it was sent to.");
            w.SignFor(actor.UserName, now);
        }, ct);

    public Task GiveFeedbackAsync(long id, string text, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "feedback", (w, _, now) =>
        {
            if (text is { Length: > 2000 }) throw new DomainRuleException("Warning.FeedbackTooLong", "The feedback is too long (2000 characters at most).");
            w.GiveFeedback(actor.UserName, text, now);
        }, ct);

    public Task VerifyAsync(long id, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "verify", (w, _, now) =>
        {
            RequireReviewer(actor);
            w.Verify(actor.UserName, now);
        }, ct);

    public Task CloseAsync(long id, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "close", (w, _, now) =>
        {
            RequireReviewer(actor);
            w.Close(actor.UserName, now);
        }, ct);

    /// <summary>Whoever the model notifies signs for it; a leader or admin may always step in.</summary>
    public static bool CanSignFor(CaseActor actor, WarningModel model) =>
        actor.Is(Roles.Leader) || actor.Is(Roles.Admin) || model.NotifyRoleList.Any(actor.Is);

    public static bool CanReview(CaseActor actor) => Reviewers.Any(actor.Is);

    /// <summary>
    /// One click to a dispute case: from the newest dispute alarm in the evidence (the alarm's existing case when it has one),
    /// or the case the warning is about.
    /// </summary>
    public async Task<DisputeAccepted> ToCaseAsync(long id, RiskColor risk, CaseActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await Load(db, id, actor.Scope, ct);
        var references = w.Evidence.Where(e => e.Kind == EvidenceItem.Alarm).Select(e => e.Reference).ToList();
        var alarm = await db.Alarms.AsNoTracking().Where(a => references.Contains(a.ExternalId) && a.Category == AlarmCategories.Dispute)
            .OrderByDescending(a => a.ReceivedAt).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        var caseNumber = w.Evidence.Where(e => e.Kind == EvidenceItem.Case).Select(e => e.Reference).LastOrDefault();
        DisputeAccepted accepted;
        if (alarm is { } alarmId) accepted = await intake.FromAlarmAsync(alarmId, risk, actor.UserName, actor.Scope, ct);
        else if (caseNumber is not null && await db.Disputes.AsNoTracking().InScope(actor.Scope).SingleOrDefaultAsync(d => d.CaseNumber == caseNumber, ct) is { } known)
            accepted = new DisputeAccepted(known.Id, known.CaseNumber, known.ExternalId, known.GridCode, Duplicate: true);
        else throw new DomainRuleException("Warning.NotAboutDispute", "This warning is not about a dispute.");

        var now = clock.GetUtcNow();
        w.LinkDispute(accepted.Id, accepted.CaseNumber, actor.UserName, now);
        db.Audit(actor.UserName, "warning.to-case", Target(w), accepted.CaseNumber, now);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, w, "to-case", ct);
        return accepted;
    }

    /// <summary>Escalates every warning past its sign-for deadline one level up; returns how many moved.</summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var deadlines = await db.WarningModels.AsNoTracking().ToDictionaryAsync(m => m.Code, m => TimeSpan.FromMinutes(m.SignDeadlineMinutes), ct);
        var issued = await db.Warnings.Include(w => w.Evidence).Where(w => w.State == WarningState.Issued).ToListAsync(ct);
        var escalated = issued.Where(w => deadlines.TryGetValue(w.ModelCode, out var deadline) && w.Escalate(deadline, now)).ToList();
        foreach (var w in escalated) db.Audit("system", "warning.escalate", Target(w), $"unsigned → {w.EscalatedTo}", now);
        await db.SaveChangesAsync(ct);
        foreach (var w in escalated) await PublishAsync(db, w, "escalate", ct);
        return escalated.Count;
    }

    private async Task ChangeAsync(long id, CaseActor actor, string action, Action<Warning, WarningModel, DateTimeOffset> change, CancellationToken ct)
    {
        if (actor.Is(Roles.Display)) throw new DomainRuleException("Warning.DisplayReadOnly", "A display cannot change warnings.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await Load(db, id, actor.Scope, ct);
        var model = await db.WarningModels.AsNoTracking().SingleAsync(m => m.Code == w.ModelCode, ct);
        var before = w.State;
        var now = clock.GetUtcNow();
        change(w, model, now);
        db.Audit(actor.UserName, $"warning.{action}", Target(w), $"{before} → {w.State}", now);
        await db.SaveChangesAsync(ct);
        bus.Publish(WarningChanged.Of(w, action, model.NotifyRoleList));
    }

    private static async Task<Warning> Load(DashboardDbContext db, long id, JurisdictionScope scope, CancellationToken ct) =>
        await db.Warnings.InScope(scope).Include(w => w.Evidence).Include(w => w.Steps).SingleOrDefaultAsync(w => w.Id == id, ct)
        ?? throw new DomainRuleException("Warning.NotInScope", "No such warning in your jurisdiction.");

    private async Task PublishAsync(DashboardDbContext db, Warning w, string action, CancellationToken ct)
    {
        var roles = await db.WarningModels.AsNoTracking().Where(m => m.Code == w.ModelCode).Select(m => m.NotifyRoles).SingleAsync(ct);
        bus.Publish(WarningChanged.Of(w, action, WarningModel.SplitRoles(roles)));
    }

    private static void RequireReviewer(CaseActor actor)
    {
        if (!CanReview(actor)) throw new DomainRuleException("Warning.ReviewerOnly", "Only a station chief or a leader verifies and closes warnings.");
    }

    private static string Target(Warning w) => $"warning {w.Id} {w.ModelCode}:{w.SubjectKey}";
}
