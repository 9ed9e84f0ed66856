using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>
/// Silences (静默) a chief sets for his jurisdiction: a whole model, or one subject of it, with a reason and an expiry.
/// While one holds, the model issues nothing new there; repeats still add evidence to a warning already open.
/// </summary>
public sealed class WarningSilences(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(90);

    public async Task<WarningSilence> CreateAsync(string modelCode, string? subjectKey, TimeSpan duration, string reason, CaseActor actor,
        CancellationToken ct = default)
    {
        if (!WarningWorkflow.CanReview(actor)) throw new DomainRuleException("Silence.ReviewerOnly", "Only a station chief or a leader sets silences.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500) throw new DomainRuleException("Silence.ReasonRequired", "Give a reason (500 characters at most).");
        if (duration <= TimeSpan.Zero || duration > Longest) throw new DomainRuleException("Silence.DurationOutOfRange", "A silence lasts from a minute to 90 days.");
        if (subjectKey is { Length: > 200 }) throw new DomainRuleException("Silence.SubjectTooLong", "The subject is too long.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.WarningModels.AnyAsync(m => m.Code == modelCode, ct)) throw new DomainRuleException("WarningModel.NotFound", "No such warning model.");
        var now = clock.GetUtcNow();
        var silence = new WarningSilence
        {
            ModelCode = modelCode, SubjectKey = string.IsNullOrWhiteSpace(subjectKey) ? null : subjectKey, JurisdictionPath = actor.Scope.Path,
            Reason = reason.Trim(), CreatedBy = actor.UserName, CreatedAt = now, ExpiresAt = now + duration,
        };
        db.WarningSilences.Add(silence);
        db.Audit(actor.UserName, "warning.silence", $"{modelCode}:{silence.SubjectKey ?? "*"}", $"{silence.Reason}; until {silence.ExpiresAt:u}", now);
        await db.SaveChangesAsync(ct);
        return silence;
    }

    public async Task LiftAsync(long id, CaseActor actor, CancellationToken ct = default)
    {
        if (!WarningWorkflow.CanReview(actor)) throw new DomainRuleException("Silence.LiftReviewerOnly", "Only a station chief or a leader lifts silences.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var silence = await db.WarningSilences.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (silence is null || !actor.Scope.Contains(silence.JurisdictionPath)) throw new DomainRuleException("Silence.NotInScope", "No such silence in your jurisdiction.");
        var now = clock.GetUtcNow();
        (silence.LiftedAt, silence.LiftedBy) = (now, actor.UserName);
        db.Audit(actor.UserName, "warning.silence-lift", $"{silence.ModelCode}:{silence.SubjectKey ?? "*"}", null, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Silences in force that touch the scope: set inside it, or above it and covering it.</summary>
    public async Task<IReadOnlyList<WarningSilence>> ActiveAsync(JurisdictionScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var active = await db.WarningSilences.AsNoTracking().Where(s => s.LiftedAt == null && s.ExpiresAt > now).ToListAsync(ct);
        return active.Where(s => scope.Contains(s.JurisdictionPath) || scope.Path.StartsWith(s.JurisdictionPath, StringComparison.Ordinal))
            .OrderBy(s => s.ExpiresAt).ToList();
    }
}
