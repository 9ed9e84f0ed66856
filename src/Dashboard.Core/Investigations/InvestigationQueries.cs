using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Investigations;

/// <summary>What the register list asks for; every part narrows the caller's scope.</summary>
public sealed record InvestigationFilter(
    InvestigationKind? Kind = null, InvestigationStatus? Status = null, bool OverdueOnly = false, bool MajorOnly = false, string? Text = null);

public sealed record InvestigationView(
    long Id, string Number, InvestigationKind Kind, string Category, string? Place, string Description, bool Major,
    string ResponsibleUnit, string ResponsiblePerson, DateTimeOffset? Deadline, InvestigationStatus Status, string? Result,
    DateTimeOffset FoundAt, string RecordedBy, string JurisdictionPath, DateTimeOffset? ResolvedAt, bool Overdue);

public sealed record InvestigationPage(IReadOnlyList<InvestigationView> Items, int Total);

public sealed class InvestigationQueries(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<InvestigationPage> SearchAsync(JurisdictionScope scope, InvestigationFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var query = Where(db.InvestigationItems.AsNoTracking().InScope(scope), filter, now);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.FoundAt).ThenByDescending(x => x.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return new InvestigationPage(rows.Select(x => ViewOf(x, now)).ToList(), total);
    }

    /// <summary>One item; null outside the scope.</summary>
    public async Task<InvestigationView?> DetailAsync(long id, JurisdictionScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.InvestigationItems.AsNoTracking().InScope(scope).SingleOrDefaultAsync(x => x.Id == id, ct);
        return item is null ? null : ViewOf(item, clock.GetUtcNow());
    }

    public static IQueryable<InvestigationItem> Where(IQueryable<InvestigationItem> query, InvestigationFilter filter, DateTimeOffset now)
    {
        if (filter.Kind is { } kind) query = query.Where(x => x.Kind == kind);
        if (filter.Status is { } status) query = query.Where(x => x.Status == status);
        if (filter.MajorOnly) query = query.Where(x => x.Major);
        if (filter.OverdueOnly) query = query.Where(x => x.Status != InvestigationStatus.Resolved && x.Deadline != null && x.Deadline < now);
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
#pragma warning disable CA1304, CA1311
            var pattern = AlarmFilter.ContainsPattern(text[..Math.Min(text.Length, AlarmFilter.MaxTextLength)].ToLowerInvariant());
            query = query.Where(x => EF.Functions.Like(x.Number.ToLower(), pattern, AlarmFilter.LikeEscape)
                || EF.Functions.Like(x.Description.ToLower(), pattern, AlarmFilter.LikeEscape)
                || (x.Place != null && EF.Functions.Like(x.Place.ToLower(), pattern, AlarmFilter.LikeEscape))
                || EF.Functions.Like(x.ResponsibleUnit.ToLower(), pattern, AlarmFilter.LikeEscape));
#pragma warning restore CA1304, CA1311
        }
        return query;
    }

    private static InvestigationView ViewOf(InvestigationItem x, DateTimeOffset now) => new(
        x.Id, x.Number, x.Kind, x.Category, x.Place, x.Description, x.Major, x.ResponsibleUnit, x.ResponsiblePerson, x.Deadline,
        x.Status, x.Result, x.FoundAt, x.RecordedBy, x.JurisdictionPath, x.ResolvedAt, x.IsOverdue(now));
}
