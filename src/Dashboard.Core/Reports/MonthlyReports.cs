using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Reports;

public sealed record ReportArchiveEntry(
    long Id, string Month, string JurisdictionCode, string JurisdictionName, DateTimeOffset GeneratedAt, string GeneratedBy, int Revision);

/// <summary>
/// The archive of monthly reports: one per (month, jurisdiction). The schedule builds what is missing; a person can
/// rebuild any finished month, which replaces the content and counts a revision. Builds and downloads are audited.
/// </summary>
public sealed class MonthlyReports(
    IDbContextFactory<DashboardDbContext> dbFactory, MonthlyReportBuilder builder, LocalCalendar calendar, TimeProvider clock) : IDisposable
{
    public const string Scheduler = "system";

    // One build at a time in this process: the schedule and a person asking for the same month never race on the index.
    private readonly SemaphoreSlim _building = new(1, 1);

    /// <summary>The last month that has ended in the local zone: the one the schedule reports on.</summary>
    public ReportMonth LastFinishedMonth => ReportMonth.Of(calendar.Now).Previous;

    public async Task<MonthlyReport?> FindAsync(string jurisdictionCode, ReportMonth month, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = month.ToString();
        return await db.MonthlyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Month == key && r.JurisdictionCode == jurisdictionCode, ct);
    }

    /// <summary>Builds (or rebuilds) the report and stores it in place of any earlier one.</summary>
    public async Task<MonthlyReport> GenerateAsync(
        JurisdictionNode node, ReportMonth month, string actor, IProgress<ReportStep>? progress = null, CancellationToken ct = default)
    {
        EnsureFinished(month);
        await _building.WaitAsync(ct);
        try
        {
            return await BuildAndStoreAsync(node, month, actor, progress, ct);
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>The stored report, built first when there is none yet.</summary>
    public async Task<MonthlyReport> GetOrGenerateAsync(JurisdictionNode node, ReportMonth month, string actor, CancellationToken ct = default) =>
        await FindAsync(node.Code, month, ct) ?? await GenerateAsync(node, month, actor, null, ct);

    /// <summary>The schedule's run: every township and station without a report for the month gets one; running it again adds none.</summary>
    public async Task<int> GenerateMissingAsync(ReportMonth month, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = month.ToString();
        var done = await db.MonthlyReports.Where(r => r.Month == key).Select(r => r.JurisdictionCode).ToListAsync(ct);
        var due = await db.Jurisdictions.AsNoTracking()
            .Where(n => (n.Level == JurisdictionLevel.Township || n.Level == JurisdictionLevel.Station) && !done.Contains(n.Code))
            .OrderBy(n => n.Path).ToListAsync(ct);
        var built = 0;
        foreach (var node in due)
        {
            await _building.WaitAsync(ct);
            try
            {
                // Someone may have asked for it while the schedule was busy with the ones before.
                if (await FindAsync(node.Code, month, ct) is not null) continue;
                await BuildAndStoreAsync(node, month, Scheduler, null, ct);
                built++;
            }
            finally
            {
                _building.Release();
            }
        }
        return built;
    }

    public async Task<IReadOnlyList<ReportArchiveEntry>> ArchiveAsync(JurisdictionScope scope, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MonthlyReports.AsNoTracking().InScope(scope)
            .OrderByDescending(r => r.Month).ThenBy(r => r.JurisdictionPath).Take(take)
            .Select(r => new ReportArchiveEntry(r.Id, r.Month, r.JurisdictionCode, r.JurisdictionName, r.GeneratedAt, r.GeneratedBy, r.Revision))
            .ToListAsync(ct);
    }

    public async Task RecordDownloadAsync(MonthlyReport report, string actor, string format, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Audit(actor, "report.download", $"{report.JurisdictionCode}/{report.Month}", $"{format}, revision {report.Revision}", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Only a month that has ended can be reported: a report of a month still running would be archived short.</summary>
    public void EnsureFinished(ReportMonth month)
    {
        if (month > LastFinishedMonth)
            throw new DomainRuleException("Report.MonthNotOver", $"{month} has not ended yet; the last month that can be reported is {LastFinishedMonth}.",
                month.ToString(), LastFinishedMonth.ToString());
    }

    public void Dispose() => _building.Dispose();

    private async Task<MonthlyReport> BuildAndStoreAsync(
        JurisdictionNode node, ReportMonth month, string actor, IProgress<ReportStep>? progress, CancellationToken ct)
    {
        var content = await builder.BuildAsync(node, month, progress, ct);
        progress?.Report(ReportStep.Saving);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = month.ToString();
        var report = await db.MonthlyReports.SingleOrDefaultAsync(r => r.Month == key && r.JurisdictionCode == node.Code, ct);
        if (report is null)
        {
            report = new MonthlyReport
            {
                Month = key, JurisdictionCode = node.Code, JurisdictionName = node.Name, JurisdictionPath = node.Path,
                ContentJson = "", GeneratedBy = actor,
            };
            db.Add(report);
        }
        else report.Revision++;
        (report.ContentJson, report.GeneratedAt, report.GeneratedBy, report.JurisdictionName) =
            (MonthlyReport.Serialize(content), clock.GetUtcNow(), actor, node.Name);
        db.Audit(actor, "report.generate", $"{node.Code}/{key}", $"revision {report.Revision}", report.GeneratedAt);
        await db.SaveChangesAsync(ct);
        progress?.Report(ReportStep.Done);
        return report;
    }
}
