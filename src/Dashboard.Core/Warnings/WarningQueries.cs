using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

public sealed record WarningFilter(WarningState? State = null, string? ModelCode = null, WarningLevel? Level = null, bool OpenOnly = false);

public sealed record WarningListItem(
    long Id, string ModelCode, string Title, WarningLevel Level, WarningState State, DateTimeOffset IssuedAt, int Count,
    string JurisdictionPath, string? GridCode, string? EscalatedTo, long? DisputeId);

public sealed record WarningPage(IReadOnlyList<WarningListItem> Items, int Total);

/// <summary>An evidence record as a screen shows it: what it was, when, and a line about it (no personal data).</summary>
public sealed record EvidenceView(string Kind, string Reference, DateTimeOffset At, string? Text, string? Note);

public sealed record WarningDetail(
    WarningListItem Warning, string SubjectKey, double? Lat, double? Lon, string? SignedForBy, string? Feedback, string? VerifiedBy,
    int SignDeadlineMinutes, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<WarningStep> Steps);

/// <summary>Read side of warnings: every query is bounded by the caller's scope.</summary>
public sealed class WarningQueries(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<WarningPage> SearchAsync(JurisdictionScope scope, WarningFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Warnings.AsNoTracking().InScope(scope);
        if (filter.State is { } state) query = query.Where(w => w.State == state);
        if (filter.OpenOnly) query = query.Where(w => w.State != WarningState.Closed);
        if (filter.ModelCode is { } model) query = query.Where(w => w.ModelCode == model);
        if (filter.Level is { } level) query = query.Where(w => w.Level == level);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(w => w.IssuedAt).ThenByDescending(w => w.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)).Select(Item).ToListAsync(ct);
        return new WarningPage(items, total);
    }

    /// <summary>
    /// Warnings waiting for this person to sign for them: sent to one of their roles in their jurisdiction, or escalated to
    /// their level. They stay here until signed, so a reconnect or a new session shows them again.
    /// </summary>
    public async Task<IReadOnlyList<WarningListItem>> AwaitingSignatureAsync(CaseActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var models = await db.WarningModels.AsNoTracking().ToListAsync(ct);
        var mine = models.Where(m => WarningWorkflow.CanSignFor(actor, m)).Select(m => m.Code).ToList();
        var escalatedHere = actor.Is(Roles.Leader) || actor.Is(Roles.Admin) || actor.Is(Roles.StationChief);
        return await db.Warnings.AsNoTracking().InScope(actor.Scope)
            .Where(w => w.State == WarningState.Issued && (EF.Parameter(mine).Contains(w.ModelCode) || (escalatedHere && w.EscalatedTo != null)))
            .OrderByDescending(w => w.IssuedAt).Take(50).Select(Item).ToListAsync(ct);
    }

    public async Task<WarningDetail?> DetailAsync(long id, JurisdictionScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await db.Warnings.AsNoTracking().InScope(scope).Include(x => x.Evidence).Include(x => x.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        var deadline = await db.WarningModels.AsNoTracking().Where(m => m.Code == w.ModelCode).Select(m => m.SignDeadlineMinutes).SingleOrDefaultAsync(ct);
        return new WarningDetail(ItemOf(w), w.SubjectKey, w.Lat, w.Lon, w.SignedForBy, w.Feedback, w.VerifiedBy, deadline,
            await EvidenceAsync(db, w.Evidence, ct), w.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).ToList());
    }

    private static async Task<IReadOnlyList<EvidenceView>> EvidenceAsync(DashboardDbContext db, List<WarningEvidence> evidence, CancellationToken ct)
    {
        var alarmIds = evidence.Where(e => e.Kind == EvidenceItem.Alarm).Select(e => e.Reference).ToList();
        var caseNumbers = evidence.Where(e => e.Kind == EvidenceItem.Case).Select(e => e.Reference).ToList();
        var alarms = await db.Alarms.AsNoTracking().Where(a => EF.Parameter(alarmIds).Contains(a.ExternalId))
            .ToDictionaryAsync(a => a.ExternalId, a => $"{a.Summary} {a.Address}".Trim(), ct);
        var cases = await db.Disputes.AsNoTracking().Where(d => EF.Parameter(caseNumbers).Contains(d.CaseNumber))
            .ToDictionaryAsync(d => d.CaseNumber, d => $"{d.Description} {d.Address}".Trim(), ct);
        return evidence.OrderBy(e => e.At).Select(e => new EvidenceView(e.Kind, e.Reference, e.At,
            e.Kind == EvidenceItem.Alarm ? alarms.GetValueOrDefault(e.Reference) : e.Kind == EvidenceItem.Case ? cases.GetValueOrDefault(e.Reference) : null,
            e.Note)).ToList();
    }

    private static readonly System.Linq.Expressions.Expression<Func<Warning, WarningListItem>> Item = w => new WarningListItem(
        w.Id, w.ModelCode, w.Title, w.Level, w.State, w.IssuedAt, w.Count, w.JurisdictionPath, w.GridCode, w.EscalatedTo, w.DisputeId);

    private static readonly Func<Warning, WarningListItem> ItemOf = Item.Compile();
}
