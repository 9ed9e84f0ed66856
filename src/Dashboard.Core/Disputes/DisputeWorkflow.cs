using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Disputes;

/// <summary>Who is acting on a case: their name, the part of the tree they may touch, and their roles.</summary>
public sealed record CaseActor(string UserName, JurisdictionScope Scope, IReadOnlySet<string> Roles)
{
    public bool Is(string role) => Roles.Contains(role);
}

/// <summary>
/// Moves cases through 分流 → 调处 → 结案审核 → 回访, each step checked by the entity, scoped to the actor's jurisdiction,
/// audited with the state before and after, and published once committed.
/// </summary>
public sealed class DisputeWorkflow(
    IDbContextFactory<DashboardDbContext> dbFactory, IOptions<DisputeDeadlines> deadlines, ILiveBus bus, TimeProvider clock)
{
    /// <summary>Routes (or re-routes) a case to a responsible organisation and person, with a deadline from its risk and level.</summary>
    public Task RouteAsync(long id, string org, string person, string? leadOfficial, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "route", (d, now) =>
        {
            if (string.IsNullOrWhiteSpace(org) || org.Length > 100) throw new DomainRuleException("Dispute.OrgRequired", "Choose the responsible organisation.");
            if (string.IsNullOrWhiteSpace(person) || person.Length > 64) throw new DomainRuleException("Dispute.PersonRequired", "Name the responsible person.");
            if (leadOfficial is { Length: > 64 }) throw new DomainRuleException("Dispute.LeadOfficialTooLong", "The lead official's name is too long.");
            d.Route(org.Trim(), person.Trim(), string.IsNullOrWhiteSpace(leadOfficial) ? null : leadOfficial.Trim(),
                deadlines.Value.For(d.Risk, now, d.Level), actor.UserName, now);
            return person.Trim();
        }, ct);

    /// <summary>Moves a case one level up (village → township → district); the higher level gets a fresh deadline.</summary>
    public Task EscalateAsync(long id, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "escalate", (d, now) =>
        {
            d.Escalate(actor.UserName, now);
            if (d.ResponsibleOrg is { } org && d.ResponsiblePerson is { } person && d.Status != DisputeStatus.ClosureRequested)
                d.Route(org, person, d.LeadOfficial, deadlines.Value.For(d.Risk, now, d.Level), actor.UserName, now);
            return d.ResponsiblePerson;
        }, ct);

    public Task RecordMediationAsync(long id, MediationRecord record, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "mediate", (d, now) =>
        {
            if (string.IsNullOrWhiteSpace(record.Mediator) || record.Mediator.Length > 64) throw new DomainRuleException("Dispute.MediatorRequired", "Name who mediated.");
            if (record.At > now.AddMinutes(5)) throw new DomainRuleException("Dispute.MediationInFuture", "A mediation cannot be recorded in the future.");
            if (record.At < d.RegisteredAt) throw new DomainRuleException("Dispute.MediationBeforeCase", "A mediation cannot predate the case.");
            if (record.Amount is < 0 or > 100_000_000) throw new DomainRuleException("Dispute.AmountOutOfRange", "The amount must be between 0 and 100,000,000 yuan.");
            if (record.Agreement is { Length: > 2000 }) throw new DomainRuleException("Dispute.AgreementTooLong", "The agreement is too long (2,000 characters at most).");
            d.RecordMediation(record, actor.UserName);
            return null;
        }, ct);

    public Task RequestClosureAsync(long id, string result, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "request-closure", (d, now) =>
        {
            if (string.IsNullOrWhiteSpace(result) || result.Length > 2000) throw new DomainRuleException("Dispute.ResultRequired", "Describe the result (2,000 characters at most).");
            d.RequestClosure(result.Trim(), actor.UserName, now);
            return null;
        }, ct);

    public Task ApproveClosureAsync(long id, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "approve", (d, now) =>
        {
            RequireReviewer(d, actor);
            d.ApproveClosure(actor.UserName, now);
            return d.ResponsiblePerson;
        }, ct);

    public Task ReturnClosureAsync(long id, string reason, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "return", (d, now) =>
        {
            RequireReviewer(d, actor);
            if (reason is { Length: > 500 }) throw new DomainRuleException("Dispute.ReturnReasonTooLong", "The reason is too long (500 characters at most).");
            d.ReturnClosure(reason?.Trim() ?? "", actor.UserName, now);
            return d.ResponsiblePerson;
        }, ct);

    public Task RecordFollowUpAsync(long id, int satisfaction, string? note, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "follow-up", (d, now) =>
        {
            if (note is { Length: > 500 }) throw new DomainRuleException("Dispute.FollowUpNoteTooLong", "The note is too long (500 characters at most).");
            d.RecordFollowUp(satisfaction, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), actor.UserName, now);
            return null;
        }, ct);

    /// <summary>
    /// Closure is reviewed by the chief of the station that holds a village-level case, or by the centre's leaders for any
    /// case; a case escalated to the township or above is theirs alone.
    /// </summary>
    public static bool CanReview(CaseActor actor, DisputeLevel level) =>
        actor.Is(Roles.Leader) || actor.Is(Roles.Admin) || (actor.Is(Roles.StationChief) && level == DisputeLevel.Village);

    private static void RequireReviewer(Dispute d, CaseActor actor)
    {
        if (CanReview(actor, d.Level)) return;
        throw d.Level == DisputeLevel.Village
            ? new DomainRuleException("Dispute.ReviewerOnly", "Only the station chief or the centre's leaders review closure.")
            : new DomainRuleException("Dispute.ReviewAboveVillage", "A case escalated above the village is reviewed by the centre's leaders.");
    }

    /// <param name="change">Applies the step and returns whom to notify, if anyone.</param>
    private async Task ChangeAsync(long id, CaseActor actor, string action, Func<Dispute, DateTimeOffset, string?> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dispute = await db.Disputes.InScope(actor.Scope).SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new DomainRuleException("Dispute.NotInScope", "No such case in your jurisdiction.");
        var before = Describe(dispute);
        var now = clock.GetUtcNow();
        var notify = change(dispute, now);
        db.Audit(actor.UserName, "dispute." + action, dispute.CaseNumber, $"{before} → {Describe(dispute)}", now);
        await db.SaveChangesAsync(ct);
        bus.Publish(new DisputeChanged(dispute.Id, dispute.CaseNumber, dispute.JurisdictionPath, dispute.Status, action, notify));
    }

    private static string Describe(Dispute d) =>
        $"{d.Status}/{d.Level} {d.ResponsibleOrg ?? "-"}/{d.ResponsiblePerson ?? "-"} due {d.Deadline:yyyy-MM-dd HH:mm}";
}
