using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Disputes;

/// <summary>What the case list asks for; every part narrows the caller's scope.</summary>
public sealed record DisputeFilter(
    DisputeStatus? Status = null, RiskColor? Risk = null, DisputeCategory? Category = null, bool OverdueOnly = false,
    bool AwaitingReview = false, string? Text = null);

public sealed record DisputeListItem(
    long Id, string CaseNumber, DateTimeOffset RegisteredAt, DisputeSource Source, DisputeCategory Category, RiskColor Risk,
    DisputeLevel Level, DisputeStatus Status, string? Address, string? ResponsibleOrg, string? ResponsiblePerson,
    DateTimeOffset? Deadline, bool Overdue, string Parties);

public sealed record DisputePage(IReadOnlyList<DisputeListItem> Items, int Total);

public sealed record DisputeDetail(
    DisputeListItem Case, string Description, int PeopleInvolved, string? LeadOfficial, string? Result, string? ReturnReason,
    DateTimeOffset? ClosedAt, string? ClosedBy, int? FollowUpSatisfaction, string? FollowUpNote, long? AlarmId, string? GridCode,
    IReadOnlyList<PartyView> Parties, IReadOnlyList<MediationRecord> Mediations, IReadOnlyList<DisputeEvent> Timeline);

/// <summary>Read side of cases for the desk: every query is bounded by the caller's scope and masks personal data.</summary>
public sealed class DisputeQueries(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<DisputePage> SearchAsync(JurisdictionScope scope, DisputeFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var query = Where(db.Disputes.AsNoTracking().InScope(scope), filter, now);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.RegisteredAt).ThenByDescending(d => d.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Include(d => d.Parties).ToListAsync(ct);
        return new DisputePage(rows.Select(d => ItemOf(d, now)).ToList(), total);
    }

    /// <summary>The cases a filter keeps; the list and the ledger export both go through here.</summary>
    public static IQueryable<Dispute> Where(IQueryable<Dispute> query, DisputeFilter filter, DateTimeOffset now)
    {
        if (filter.Status is { } status) query = query.Where(d => d.Status == status);
        if (filter.AwaitingReview) query = query.Where(d => d.Status == DisputeStatus.ClosureRequested);
        if (filter.Risk is { } risk) query = query.Where(d => d.Risk == risk);
        if (filter.Category is { } category) query = query.Where(d => d.Category == category);
        if (filter.OverdueOnly) query = query.Where(d => d.Status != DisputeStatus.Closed && d.Deadline != null && d.Deadline < now);
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            // lower() on both sides, as the alarm search does: PostgreSQL's LIKE minds case, SQLite's does not.
#pragma warning disable CA1304, CA1311
            var pattern = AlarmFilter.ContainsPattern(text[..Math.Min(text.Length, AlarmFilter.MaxTextLength)].ToLowerInvariant());
            query = query.Where(d => EF.Functions.Like(d.CaseNumber.ToLower(), pattern, AlarmFilter.LikeEscape)
                || EF.Functions.Like(d.Description.ToLower(), pattern, AlarmFilter.LikeEscape)
                || (d.Address != null && EF.Functions.Like(d.Address.ToLower(), pattern, AlarmFilter.LikeEscape)));
#pragma warning restore CA1304, CA1311
        }
        return query;
    }

    /// <summary>Cases waiting for closure review in scope: the count behind "待我审核".</summary>
    public async Task<int> AwaitingReviewAsync(JurisdictionScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Disputes.AsNoTracking().InScope(scope).CountAsync(d => d.Status == DisputeStatus.ClosureRequested, ct);
    }

    /// <summary>One case with its parties (masked), mediations and whole timeline; null outside the scope.</summary>
    public async Task<DisputeDetail?> DetailAsync(long id, JurisdictionScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Disputes.AsNoTracking().InScope(scope).Include(x => x.Parties).Include(x => x.Mediations).Include(x => x.Events)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        return new DisputeDetail(ItemOf(d, clock.GetUtcNow()), d.Description, d.PeopleInvolved, d.LeadOfficial, d.Result, d.ReturnReason,
            d.ClosedAt, d.ClosedBy, d.FollowUpSatisfaction, d.FollowUpNote, d.AlarmId, d.GridCode,
            d.Parties.Select(p => new PartyView(PersonalDataMask.Name(p.Name), PersonalDataMask.IdNumber(p.IdNumber),
                PersonalDataMask.Phone(p.Phone), p.Role)).ToList(),
            d.Mediations.OrderBy(m => m.At).ToList(), d.Events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList());
    }

    private static DisputeListItem ItemOf(Dispute d, DateTimeOffset now) => new(
        d.Id, d.CaseNumber, d.RegisteredAt, d.Source, d.Category, d.Risk, d.Level, d.Status, d.Address, d.ResponsibleOrg,
        d.ResponsiblePerson, d.Deadline, d.IsOverdue(now), string.Join("、", d.Parties.Select(p => PersonalDataMask.Name(p.Name))));
}
