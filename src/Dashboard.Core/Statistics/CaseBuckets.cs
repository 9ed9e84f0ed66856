using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Statistics;

/// <summary>The open cases of a jurisdiction: the mediation backlog and the warnings not yet closed.</summary>
public sealed record CaseBacklog(int DisputesOpen, int DisputesRed, int DisputesSupervised, int WarningsOpen)
{
    public static readonly CaseBacklog None = new(0, 0, 0, 0);
}

/// <summary>Warnings of one model issued in a period, and how many of them are closed.</summary>
public sealed record WarningCounts(string Model, int Issued, int Closed);

/// <summary>
/// Keeps <see cref="CaseBucket"/>s: a changed case has the local days it falls on recounted whole from the raw rows (its
/// registration, closing or issue day), and any range can be rebuilt the same way. Reads the backlog and the case charts.
/// </summary>
public sealed class CaseBuckets(IDbContextFactory<DashboardDbContext> dbFactory, LocalCalendar calendar)
{
    // Recounts delete and insert whole days: one at a time per process, so two never race on the same keys.
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Recounts the days these cases fall on, after their change committed.</summary>
    public async Task RecountAsync(IReadOnlyCollection<long> disputeIds, IReadOnlyCollection<long> warningIds, CancellationToken ct = default)
    {
        var instants = new List<DateTimeOffset>();
        var (disputes, warnings) = (disputeIds.ToArray(), warningIds.ToArray());
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (disputes.Length > 0)
                foreach (var d in await db.Disputes.AsNoTracking().Where(d => EF.Parameter(disputes).Contains(d.Id))
                             .Select(d => new { d.RegisteredAt, d.ClosedAt }).ToListAsync(ct))
                    instants.AddRange(d.ClosedAt is { } closed ? [d.RegisteredAt, closed] : [d.RegisteredAt]);
            if (warnings.Length > 0)
                instants.AddRange(await db.Warnings.AsNoTracking().Where(w => EF.Parameter(warnings).Contains(w.Id)).Select(w => w.IssuedAt).ToListAsync(ct));
        }
        await RecountAsync(instants.Select(calendar.DayOf).Distinct().ToList(), ct);
    }

    /// <summary>Recounts the local days touching [from, to) from the raw rows, in one transaction; returns the cases counted.</summary>
    public Task<int> RebuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
        RecountAsync([(calendar.DayOf(from).Start, calendar.DayOf(to.AddTicks(-1)).End)], ct);

    // All the spans in one transaction: a burst of changes (a supervision scan marking hundreds of cases) is one commit,
    // not one per day, so it never starves other writers of the database lock.
    private async Task<int> RecountAsync(IReadOnlyCollection<(DateTimeOffset Start, DateTimeOffset End)> days, CancellationToken ct)
    {
        if (days.Count == 0) return 0;
        await _writer.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var facts = new List<Fact>();
            foreach (var (start, end) in days)
            {
                await db.CaseBuckets.Where(b => b.Day >= start && b.Day < end).ExecuteDeleteAsync(ct);
                facts.AddRange(await FactsAsync(db, start, end, ct));
            }
            db.CaseBuckets.AddRange(facts
                .SelectMany(f => JurisdictionPaths.WithAncestors(f.Path).Select(p => (Key: (f.Kind, Day: calendar.DayOf(f.At).Start, p.Path, p.Depth, f.Key), f.Open, f.Supervised)))
                .GroupBy(x => x.Key)
                .Select(g => new CaseBucket
                {
                    Kind = g.Key.Kind, Day = g.Key.Day, JurisdictionPath = g.Key.Path, Depth = g.Key.Depth, Key = g.Key.Key,
                    Count = g.Count(), Open = g.Count(x => x.Open), Supervised = g.Count(x => x.Supervised),
                }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return facts.Count;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Counts the cases older than the oldest case bucket (all of them when there are none), as after an upgrade.</summary>
    public async Task<int> CatchUpAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var firstDispute = await db.Disputes.OrderBy(d => d.RegisteredAt).Select(d => (DateTimeOffset?)d.RegisteredAt).FirstOrDefaultAsync(ct);
        var firstWarning = await db.Warnings.OrderBy(w => w.IssuedAt).Select(w => (DateTimeOffset?)w.IssuedAt).FirstOrDefaultAsync(ct);
        var firstBucket = await db.CaseBuckets.OrderBy(b => b.Day).Select(b => (DateTimeOffset?)b.Day).FirstOrDefaultAsync(ct);
        if (new[] { firstDispute, firstWarning }.Min() is not { } from) return 0;
        var to = firstBucket ?? now;
        return calendar.DayOf(from).Start < to ? await RebuildAsync(from, to, ct) : 0;
    }

    /// <summary>The open disputes (red, under supervision) and open warnings of the scope, at its node and below.</summary>
    public async Task<CaseBacklog> BacklogAsync(JurisdictionScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.CaseBuckets.AsNoTracking()
            .Where(b => b.JurisdictionPath == scope.Path && (b.Kind == CaseKind.DisputeRegistered || b.Kind == CaseKind.WarningIssued) && b.Open > 0)
            .GroupBy(b => new { b.Kind, b.Key }).Select(g => new { g.Key.Kind, g.Key.Key, Open = g.Sum(b => b.Open), Supervised = g.Sum(b => b.Supervised) })
            .ToListAsync(ct);
        var disputes = open.Where(o => o.Kind == CaseKind.DisputeRegistered).ToList();
        return new CaseBacklog(disputes.Sum(d => d.Open), disputes.Where(d => d.Key == nameof(RiskColor.Red)).Sum(d => d.Open),
            disputes.Sum(d => d.Supervised), open.Where(o => o.Kind == CaseKind.WarningIssued).Sum(o => o.Open));
    }

    /// <summary>Disputes closed in the period by outcome, at the scope and at each node one level below it.</summary>
    public async Task<List<(string Path, MediationOutcome Outcome, int Count)>> ClosedAsync(JurisdictionScope scope, Period period, CancellationToken ct = default)
    {
        var below = JurisdictionPaths.Depth(scope.Path) + 1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await InPeriod(db, CaseKind.DisputeClosed, period)
            .Where(b => b.JurisdictionPath == scope.Path || (b.Depth == below && b.JurisdictionPath.StartsWith(scope.Path)))
            .GroupBy(b => new { b.JurisdictionPath, b.Key }).Select(g => new { g.Key.JurisdictionPath, g.Key.Key, Count = g.Sum(b => b.Count) })
            .ToListAsync(ct);
        return rows.Select(r => (r.JurisdictionPath, Enum.Parse<MediationOutcome>(r.Key), r.Count)).ToList();
    }

    /// <summary>Warnings issued in the period per model, and how many of those are closed.</summary>
    public async Task<List<WarningCounts>> WarningsAsync(JurisdictionScope scope, Period period, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await InPeriod(db, CaseKind.WarningIssued, period).Where(b => b.JurisdictionPath == scope.Path)
                .GroupBy(b => b.Key).Select(g => new { Model = g.Key, Issued = g.Sum(b => b.Count), Open = g.Sum(b => b.Open) }).ToListAsync(ct))
            .Select(g => new WarningCounts(g.Model, g.Issued, g.Issued - g.Open)).OrderBy(w => w.Model, StringComparer.Ordinal).ToList();
    }

    // The day buckets whose day starts inside the period: statistics periods are whole local days.
    private static IQueryable<CaseBucket> InPeriod(DashboardDbContext db, CaseKind kind, Period period) =>
        db.CaseBuckets.AsNoTracking().Where(b => b.Kind == kind && b.Day >= period.From && b.Day < period.To);

    private sealed record Fact(CaseKind Kind, DateTimeOffset At, string Path, string Key, bool Open, bool Supervised);

    private static async Task<List<Fact>> FactsAsync(DashboardDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var registered = await db.Disputes.AsNoTracking().Where(d => d.RegisteredAt >= from && d.RegisteredAt < to)
            .Select(d => new { d.RegisteredAt, d.JurisdictionPath, d.Risk, d.Status, d.SupervisedAt }).ToListAsync(ct);
        var closed = await db.Disputes.AsNoTracking().Where(d => d.Status == DisputeStatus.Closed && d.ClosedAt >= from && d.ClosedAt < to)
            .Select(d => new { ClosedAt = d.ClosedAt!.Value, d.JurisdictionPath, d.Outcome }).ToListAsync(ct);
        var issued = await db.Warnings.AsNoTracking().Where(w => w.IssuedAt >= from && w.IssuedAt < to)
            .Select(w => new { w.IssuedAt, w.JurisdictionPath, w.ModelCode, w.State }).ToListAsync(ct);
        return
        [
            .. registered.Select(d => new Fact(CaseKind.DisputeRegistered, d.RegisteredAt, d.JurisdictionPath, d.Risk.ToString(),
                d.Status != DisputeStatus.Closed, d.Status != DisputeStatus.Closed && d.SupervisedAt != null)),
            .. closed.Select(d => new Fact(CaseKind.DisputeClosed, d.ClosedAt, d.JurisdictionPath, d.Outcome.ToString(), false, false)),
            .. issued.Select(w => new Fact(CaseKind.WarningIssued, w.IssuedAt, w.JurisdictionPath, w.ModelCode, w.State != WarningState.Closed, false)),
        ];
    }
}
