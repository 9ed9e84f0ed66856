using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Disputes;

/// <summary>Open cases by how long they have been open: ≤7, 8–30, 31–90 and more than 90 days.</summary>
public sealed record AgeBuckets(int UpTo7, int UpTo30, int UpTo90, int Over90);

public sealed record BacklogCase(long Id, string CaseNumber, DisputeCategory Category, RiskColor Risk, DisputeStatus Status,
    string? ResponsibleOrg, DateTimeOffset RegisteredAt, DateTimeOffset? Deadline);

/// <summary>The mediation backlog as the wall shows it; success rate is this month's closed cases mediated successfully.</summary>
public sealed record DisputeBacklog(
    int Open, AgeBuckets Ages, IReadOnlyDictionary<DisputeCategory, int> ByCategory, IReadOnlyList<BacklogCase> Overdue,
    IReadOnlyList<BacklogCase> Red, int OverdueCount, int RedCount, int ClosedThisMonth, double? SuccessRateThisMonth);

public sealed class DisputeBacklogQueries(IDbContextFactory<DashboardDbContext> dbFactory, LocalCalendar calendar, TimeProvider clock)
{
    public async Task<DisputeBacklog> ComputeAsync(JurisdictionScope scope, int listSize = 8, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        // The open backlog of one jurisdiction is small (hundreds): read it once and count in memory.
        var open = await db.Disputes.AsNoTracking().InScope(scope).Where(d => d.Status != DisputeStatus.Closed)
            .Select(d => new BacklogCase(d.Id, d.CaseNumber, d.Category, d.Risk, d.Status, d.ResponsibleOrg, d.RegisteredAt, d.Deadline))
            .ToListAsync(ct);

        var ages = open.Select(d => (now - d.RegisteredAt).TotalDays).ToList();
        var overdue = open.Where(d => d.Deadline is { } due && due < now).OrderBy(d => d.Deadline).ToList();
        var red = open.Where(d => d.Risk == RiskColor.Red).OrderBy(d => d.Deadline ?? DateTimeOffset.MaxValue).ToList();

        var local = calendar.ToLocal(now);
        var (monthStart, _) = calendar.MonthOf(local.Year, local.Month);
        var closed = await db.Disputes.AsNoTracking().InScope(scope)
            .Where(d => d.Status == DisputeStatus.Closed && d.ClosedAt >= monthStart)
            .GroupBy(d => d.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var closedCount = closed.Sum(c => c.Count);
        var succeeded = closed.Where(c => c.Key == MediationOutcome.Success).Sum(c => c.Count);

        return new DisputeBacklog(
            open.Count,
            new AgeBuckets(ages.Count(a => a <= 7), ages.Count(a => a is > 7 and <= 30), ages.Count(a => a is > 30 and <= 90), ages.Count(a => a > 90)),
            open.GroupBy(d => d.Category).ToDictionary(g => g.Key, g => g.Count()),
            overdue.Take(listSize).ToList(), red.Take(listSize).ToList(), overdue.Count, red.Count,
            closedCount, closedCount == 0 ? null : (double)succeeded / closedCount);
    }
}
