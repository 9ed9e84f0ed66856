using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>
/// 警情激增: a grid's alarms in the last hours are improbably many against its own baseline — the same hours of the week over
/// the previous weeks — by the Poisson tail, and at least the minimum count. Once per surge: a scan whose alarms include
/// one already in a surge warning of the grid is that surge (it adds to the warning while open, and is not raised again once
/// closed), so a surge that outlasts one scan window, or crosses a clock boundary, stays one warning. The warning lists the
/// newest alarms only, with the grid's whole count: a city-wide incident can bring thousands to one grid, and a warning
/// carrying them all would take seconds to save at every scan while ingestion waits for the database.
/// </summary>
public sealed class AlarmSurgeModel : IScheduledModel
{
    public const int MaxAlarmsListed = 100;

    public string Code => ModelCodes.AlarmSurge;

    public async Task<IReadOnlyList<WarningFiring>> ScanAsync(DashboardDbContext db, WarningModel settings, DateTimeOffset now, CancellationToken ct)
    {
        var p = settings.Read<AlarmSurgeParameters>();
        var span = TimeSpan.FromHours(p.Hours);
        var recent = await db.Alarms.AsNoTracking().Where(Between(now - span, now))
            .Where(a => a.GridCode != null)
            .Select(a => new { a.GridCode, a.ExternalId, a.ReceivedAt, a.JurisdictionPath, a.Lat, a.Lon }).ToListAsync(ct);
        var candidates = recent.GroupBy(a => a.GridCode!).Where(g => g.Count() >= p.MinCount).ToList();
        if (candidates.Count == 0) return [];

        var grids = candidates.Select(g => g.Key).ToList();
        var baseline = candidates.ToDictionary(g => g.Key, _ => 0);
        for (var week = 1; week <= p.BaselineWeeks; week++)
        {
            var shift = TimeSpan.FromDays(7 * week);
            var counts = await db.Alarms.AsNoTracking().Where(Between(now - shift - span, now - shift))
                .Where(a => EF.Parameter(grids).Contains(a.GridCode!)).GroupBy(a => a.GridCode!).Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var c in counts) baseline[c.Key] += c.Count;
        }

        var firings = new List<WarningFiring>();
        foreach (var grid in candidates)
        {
            var expected = (double)baseline[grid.Key] / Math.Max(1, p.BaselineWeeks);
            if (PoissonTail.AtLeast(grid.Count(), expected) >= p.PValue) continue;
            var last = grid.MaxBy(a => a.ReceivedAt)!;
            var references = grid.Select(a => a.ExternalId).ToList();
            var subject = await db.Warnings.AsNoTracking()
                .Where(w => w.ModelCode == Code && w.GridCode == grid.Key
                    && w.Evidence.Any(e => e.Kind == EvidenceItem.Alarm && EF.Parameter(references).Contains(e.Reference)))
                .OrderByDescending(w => w.Id).Select(w => w.SubjectKey).FirstOrDefaultAsync(ct)
                ?? $"grid:{grid.Key}:{grid.MinBy(a => a.ReceivedAt)!.ExternalId}";
            var evidence = grid.OrderByDescending(a => a.ReceivedAt).Take(MaxAlarmsListed).Reverse().Select(a => new EvidenceItem(EvidenceItem.Alarm, a.ExternalId, a.ReceivedAt))
                .Prepend(new EvidenceItem(EvidenceItem.Grid, grid.Key, now, $"{grid.Count()} / {expected:0.0}")).ToList();
            firings.Add(new WarningFiring(Code, subject, grid.Key, last.JurisdictionPath, evidence,
                OncePerSubject: true, GridCode: grid.Key, Lat: last.Lat, Lon: last.Lon));
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
