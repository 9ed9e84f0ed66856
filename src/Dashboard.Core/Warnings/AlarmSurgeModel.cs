using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>
/// 警情激增: a grid's alarms in the last hours are improbably many against its own baseline — the same hours of the week over
/// the previous weeks — by the Poisson tail, and at least the minimum count. Once per surge: a scan whose alarms include
/// one already in a surge warning of the grid is that surge (it adds to the warning while open, and is not raised again once
/// closed), so a surge that outlasts one scan window, or crosses a clock boundary, stays one warning. A warning lists at most
/// <see cref="MaxAlarmsListed"/> alarms, the newest when it is raised, with the grid's count then; later alarms of the surge
/// are added until it lists that many. A city-wide incident can bring thousands to one grid: a warning carrying them all
/// took seconds to save, and repeating itself every minute with a hundred more alarms told the duty desk nothing new.
/// </summary>
public sealed class AlarmSurgeModel : IScheduledModel
{
    public const int MaxAlarmsListed = 100;

    public string Code => ModelCodes.AlarmSurge;

    public async Task<IReadOnlyList<WarningFiring>> ScanAsync(DashboardDbContext db, WarningModel settings, DateTimeOffset now, CancellationToken ct)
    {
        var p = settings.Read<AlarmSurgeParameters>();
        var span = TimeSpan.FromHours(p.Hours);
        var (from, to) = ((now - span).ToUniversalTime(), now.ToUniversalTime());
        var window = Between(from, to);
        // Counted by the database: under a flood the window holds tens of thousands of alarms, and only the few grids
        // that surge need any of them read.
        var candidates = await db.Alarms.Where(window).Where(a => a.GridCode != null)
            .GroupBy(a => a.GridCode!).Select(g => new { Grid = g.Key, Count = g.Count() })
            .Where(g => g.Count >= p.MinCount).ToListAsync(ct);
        if (candidates.Count == 0) return [];

        var grids = candidates.Select(g => g.Grid).ToList();
        var baseline = grids.ToDictionary(g => g, _ => 0);
        for (var week = 1; week <= p.BaselineWeeks; week++)
        {
            var shift = TimeSpan.FromDays(7 * week);
            var counts = await db.Alarms.AsNoTracking().Where(Between(now - shift - span, now - shift))
                .Where(a => EF.Parameter(grids).Contains(a.GridCode!)).GroupBy(a => a.GridCode!).Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var c in counts) baseline[c.Key] += c.Count;
        }

        var firings = new List<WarningFiring>();
        foreach (var (grid, count) in candidates.Select(c => (c.Grid, c.Count)))
        {
            var expected = (double)baseline[grid] / Math.Max(1, p.BaselineWeeks);
            if (PoissonTail.AtLeast(count, expected) >= p.PValue) continue;
            var inGrid = db.Alarms.AsNoTracking().Where(window).Where(a => a.GridCode == grid);
            var newest = await inGrid.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id).Take(MaxAlarmsListed)
                .Select(a => new { a.ExternalId, a.ReceivedAt, a.JurisdictionPath, a.Lat, a.Lon }).ToListAsync(ct);
            if (newest.Count == 0) continue; // its alarms moved out of the grid since they were counted
            // The same surge if a warning of the grid already lists an alarm of this window (it lists them at the time
            // each was received).
            var same = await db.Warnings.AsNoTracking()
                .Where(w => w.ModelCode == Code && w.GridCode == grid
                    && w.Evidence.Any(e => e.Kind == EvidenceItem.Alarm && e.At > from && e.At <= to))
                .OrderByDescending(w => w.Id).Select(w => new { w.SubjectKey, Listed = w.Evidence.Count(e => e.Kind == EvidenceItem.Alarm) })
                .FirstOrDefaultAsync(ct);
            var subject = same?.SubjectKey
                ?? $"grid:{grid}:{await inGrid.OrderBy(a => a.ReceivedAt).ThenBy(a => a.Id).Select(a => a.ExternalId).FirstAsync(ct)}";
            var last = newest[0];
            // An open warning of this surge takes new alarms until it lists as many as allowed (the newest offered first;
            // those it lists already add nothing).
            var offered = newest.Take(MaxAlarmsListed - (same?.Listed ?? 0));
            var evidence = offered.Reverse().Select(a => new EvidenceItem(EvidenceItem.Alarm, a.ExternalId, a.ReceivedAt))
                .Prepend(new EvidenceItem(EvidenceItem.Grid, grid, now, $"{count} / {expected:0.0}")).ToList();
            firings.Add(new WarningFiring(Code, subject, grid, last.JurisdictionPath, evidence,
                OncePerSubject: true, GridCode: grid, Lat: last.Lat, Lon: last.Lon));
        }
        return firings;
    }

    private static System.Linq.Expressions.Expression<Func<Alarms.Alarm, bool>> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var (f, t) = (from.ToUniversalTime(), to.ToUniversalTime());
        return a => a.ReceivedAt > f && a.ReceivedAt <= t;
    }
}

public static class PoissonTail
{
    /// <summary>P(X ≥ k) for X ~ Poisson(λ).</summary>
    public static double AtLeast(int k, double lambda)
    {
        if (k <= 0) return 1;
        if (lambda <= 0) return 0;
        double term = Math.Exp(-lambda), below = 0;
        for (var i = 0; i < k; i++)
        {
            below += term;
            term *= lambda / (i + 1);
        }
        return Math.Max(0, 1 - below);
    }
}
