using Dashboard.Core.Data;
using Dashboard.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>
/// Turns firings into warnings: one open warning per (model, subject) — a repeat adds evidence and a count — and
/// nothing new while a chief's silence covers it or the model is switched off.
/// </summary>
public sealed class WarningIssuer(IDbContextFactory<DashboardDbContext> dbFactory, ILiveBus bus, TimeProvider clock, WriteGate writeGate) : IDisposable
{
    // One writer at a time, so two events about one household cannot both open a warning.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<FiringOutcome>> IssueAsync(IReadOnlyList<WarningFiring> firings, CancellationToken ct = default)
    {
        if (firings.Count == 0) return [];
        await _gate.WaitAsync(ct);
        try
        {
            return await IssueLockedAsync(firings, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<FiringOutcome>> IssueLockedAsync(IReadOnlyList<WarningFiring> firings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var models = await db.WarningModels.AsNoTracking().ToDictionaryAsync(m => m.Code, ct);
        var silences = await db.WarningSilences.AsNoTracking().Where(s => s.LiftedAt == null && s.ExpiresAt > now).ToListAsync(ct);
        var subjects = firings.Select(f => f.SubjectKey).Distinct().ToList();
        var open = await db.Warnings.Include(w => w.Evidence).Where(w => w.State != WarningState.Closed && EF.Parameter(subjects).Contains(w.SubjectKey))
            .ToDictionaryAsync(w => (w.ModelCode, w.SubjectKey), ct);
        var warnedBefore = (await db.Warnings.Where(w => EF.Parameter(subjects).Contains(w.SubjectKey)).Select(w => new { w.ModelCode, w.SubjectKey })
            .Distinct().ToListAsync(ct)).Select(w => (w.ModelCode, w.SubjectKey)).ToHashSet();

        foreach (var f in firings.Where(f => f.JoinByEvidence && !open.ContainsKey((f.ModelCode, f.SubjectKey))))
        {
            if (await JoinedAsync(db, f, ct) is { } joined) open[(f.ModelCode, f.SubjectKey)] = joined;
        }

        var outcomes = new List<FiringOutcome>(firings.Count);
        var changed = new List<(Warning Warning, string Action)>();
        foreach (var f in firings)
        {
            var key = (f.ModelCode, f.SubjectKey);
            var subject = open.TryGetValue(key, out var current) ? current.SubjectKey : f.SubjectKey;
            var silenced = silences.Any(s => s.Covers(f.ModelCode, subject, f.JurisdictionPath, now));
            if (!models.TryGetValue(f.ModelCode, out var model) || !model.Enabled) outcomes.Add(FiringOutcome.ModelOff);
            else if (open.TryGetValue(key, out var existing))
            {
                var repeated = existing.AddEvidence(f.Evidence.Select(e => e.ToEntity()), now) > 0;
                if (f.Level > existing.Level) existing.Level = f.Level.Value;
                if (repeated && !silenced) changed.Add((existing, "repeat"));
                outcomes.Add(repeated ? FiringOutcome.Repeated : FiringOutcome.Unchanged);
            }
            else if (f.OncePerSubject && warnedBefore.Contains(key)) outcomes.Add(FiringOutcome.AlreadyWarned);
            else if (silenced) outcomes.Add(FiringOutcome.Silenced);
            else
            {
                var warning = New(f, model, now);
                db.Warnings.Add(warning);
                db.Audit("system", "warning.issue", $"{f.ModelCode}:{f.SubjectKey}", warning.Title, now);
                open[key] = warning;
                warnedBefore.Add(key);
                changed.Add((warning, "issue"));
                outcomes.Add(FiringOutcome.Issued);
            }
        }
        // In turn with the ingestion batches: a scan's save can hold thousands of evidence rows, and on SQLite a batch
        // meeting it at the file lock would sleep and retry instead of queueing.
        await writeGate.RunAsync(() => db.SaveChangesAsync(ct), ct);
        foreach (var (warning, action) in changed.DistinctBy(c => c.Warning))
            bus.Publish(WarningChanged.Of(warning, action, models[warning.ModelCode].NotifyRoleList));
        return outcomes;
    }

    /// <summary>The open warning of the firing's model that already holds one of its records, if any.</summary>
    private static Task<Warning?> JoinedAsync(DashboardDbContext db, WarningFiring f, CancellationToken ct)
    {
        var references = f.Evidence.Select(e => e.Reference).ToList();
        return db.Warnings.Include(w => w.Evidence)
            .Where(w => w.ModelCode == f.ModelCode && w.State != WarningState.Closed && w.Evidence.Any(e => EF.Parameter(references).Contains(e.Reference)))
            .OrderBy(w => w.Id).FirstOrDefaultAsync(ct);
    }

    private static Warning New(WarningFiring f, WarningModel model, DateTimeOffset now)
    {
        var warning = new Warning
        {
            ModelCode = f.ModelCode, SubjectKey = f.SubjectKey, Title = f.Title, Level = f.Level ?? model.Level,
            JurisdictionPath = f.JurisdictionPath, GridCode = f.GridCode, Lat = f.Lat, Lon = f.Lon,
        };
        warning.Issue(f.Evidence.Select(e => e.ToEntity()), now);
        return warning;
    }

    public void Dispose() => _gate.Dispose();
}
