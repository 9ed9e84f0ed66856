using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Investigations;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Reports;

/// <summary>
/// Counts one jurisdiction's month from the records: disputes and the three other investigations (found, resolved, still
/// open and overdue at the month's end, by category and community), major items, warnings, and alarms from the buckets.
/// Months are cut at local midnight, so an alarm at 23:59:59 on the last day belongs to the month and 00:00:00 on the 1st
/// does not.
/// </summary>
public sealed class MonthlyReportBuilder(IDbContextFactory<DashboardDbContext> dbFactory, LocalCalendar calendar)
{
    private const int SummaryLength = 60;

    public async Task<MonthlyReportContent> BuildAsync(
        JurisdictionNode node, ReportMonth month, IProgress<ReportStep>? progress = null, CancellationToken ct = default)
    {
        var scope = new JurisdictionScope(node.Path);
        var (current, lastMonth, lastYear) = (Window(month), Window(month.Previous), Window(month.SameMonthLastYear));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communities = await db.Jurisdictions.AsNoTracking().Where(n => n.Level == JurisdictionLevel.Community)
            .Select(n => new { n.Path, n.Code, n.Name }).ToListAsync(ct);
        var (paths, names) = (communities.ToDictionary(c => c.Path, c => c.Code), communities.ToDictionary(c => c.Code, c => c.Name));

        progress?.Report(ReportStep.Disputes);
        var tracked = await TrackedDisputesAsync(db, scope, lastYear.From, current.To, ct);
        progress?.Report(ReportStep.Investigations);
        tracked.AddRange(await TrackedInvestigationsAsync(db, scope, lastYear.From, current.To, ct));

        var sections = Enum.GetValues<ReportSection>().Select(section =>
        {
            var items = tracked.Where(t => t.Section == section).ToList();
            return new SectionReport(section, Count(items, current), Count(items, lastMonth), Count(items, lastYear),
                Breakdown(items, current, Categories(section), t => t.Category, _ => null),
                Breakdown(items, current, [], t => CommunityOf(t.Path, paths), names.GetValueOrDefault)
                    .Where(r => r.Counts != ReportCounts.Zero).OrderBy(r => r.Key.Length == 0).ToList());
        }).ToList();
        var major = tracked.Where(t => t.Major && (current.Holds(t.FoundAt) || t.OpenAt(current.To) || current.Holds(t.ResolvedAt)))
            .OrderBy(t => t.Section).ThenBy(t => t.FoundAt)
            .Select(t => new MajorItem(t.Section, t.Number, t.Category, t.Summary, t.Unit, t.Person, t.Deadline,
                !t.OpenAt(current.To), t.OpenAt(current.To) && t.Deadline < current.To))
            .ToList();

        progress?.Report(ReportStep.Warnings);
        var warnings = await WarningsAsync(db, scope, current, ct);
        progress?.Report(ReportStep.Alarms);
        var alarms = await AlarmsAsync(db, scope, current, lastMonth, lastYear, ct);
        return new MonthlyReportContent(node.Code, node.Name, month.ToString(), current.From, current.To, sections, major, warnings, alarms);
    }

    private MonthWindow Window(ReportMonth month)
    {
        var (from, to) = calendar.MonthOf(month.Year, month.Month);
        return new MonthWindow(from, to);
    }

    /// <summary>Everything that was open at some time from a year before the month to its end: enough for all three windows.</summary>
    private static async Task<List<Tracked>> TrackedDisputesAsync(
        DashboardDbContext db, JurisdictionScope scope, DateTimeOffset since, DateTimeOffset to, CancellationToken ct)
    {
        var rows = await db.Disputes.AsNoTracking().InScope(scope)
            .Where(d => d.RegisteredAt < to && (d.ClosedAt == null || d.ClosedAt >= since))
            .Select(d => new { d.CaseNumber, d.Category, d.JurisdictionPath, d.RegisteredAt, d.ClosedAt, d.Deadline, d.Risk, d.Description, d.ResponsibleOrg, d.ResponsiblePerson })
            .ToListAsync(ct);
        return rows.Select(d => new Tracked(ReportSection.Disputes, d.CaseNumber, d.Category.ToString(), d.JurisdictionPath, d.RegisteredAt,
            d.ClosedAt, d.Deadline, d.Risk == RiskColor.Red, Shorten(d.Description), d.ResponsibleOrg, d.ResponsiblePerson)).ToList();
    }

    private static async Task<List<Tracked>> TrackedInvestigationsAsync(
        DashboardDbContext db, JurisdictionScope scope, DateTimeOffset since, DateTimeOffset to, CancellationToken ct)
    {
        var rows = await db.InvestigationItems.AsNoTracking().InScope(scope)
            .Where(x => x.FoundAt < to && (x.ResolvedAt == null || x.ResolvedAt >= since))
            .ToListAsync(ct);
        return rows.Select(x => new Tracked(SectionOf(x.Kind), x.Number, x.Category, x.JurisdictionPath, x.FoundAt, x.ResolvedAt,
            x.Deadline, x.Major, Shorten(x.Description), x.ResponsibleUnit, x.ResponsiblePerson)).ToList();
    }

    private static async Task<WarningSummary> WarningsAsync(DashboardDbContext db, JurisdictionScope scope, MonthWindow month, CancellationToken ct)
    {
        var rows = await db.Warnings.AsNoTracking().InScope(scope)
            .Where(w => w.IssuedAt < month.To && (w.ClosedAt == null || w.ClosedAt >= month.From))
            .Select(w => new { w.ModelCode, w.IssuedAt, w.ClosedAt }).ToListAsync(ct);
        var byModel = rows.GroupBy(w => w.ModelCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WarningModelRow(g.Key, g.Count(w => month.Holds(w.IssuedAt)), g.Count(w => month.Holds(w.ClosedAt))))
            .Where(r => r.Issued + r.Closed > 0).ToList();
        return new WarningSummary(byModel.Sum(r => r.Issued), byModel.Sum(r => r.Closed),
            rows.Count(w => w.ClosedAt is null || w.ClosedAt >= month.To), byModel);
    }

    /// <summary>A month is whole local hours, so the buckets answer it without touching a raw alarm row.</summary>
    private static async Task<AlarmSummary> AlarmsAsync(
        DashboardDbContext db, JurisdictionScope scope, MonthWindow current, MonthWindow lastMonth, MonthWindow lastYear, CancellationToken ct)
    {
        async Task<Dictionary<string, int>> CountAsync(MonthWindow w) => await db.AlarmBuckets.AsNoTracking().InScope(scope)
            .Where(b => b.Hour >= w.From && b.Hour < w.To)
            .GroupBy(b => b.Category).Select(g => new { g.Key, Count = g.Sum(b => b.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var (now, before, ago) = (await CountAsync(current), await CountAsync(lastMonth), await CountAsync(lastYear));
        return new AlarmSummary(now.Values.Sum(), before.Values.Sum(), ago.Values.Sum(),
            now.GetValueOrDefault(AlarmCategories.Criminal), before.GetValueOrDefault(AlarmCategories.Criminal), ago.GetValueOrDefault(AlarmCategories.Criminal),
            now.GetValueOrDefault(AlarmCategories.PublicOrder), before.GetValueOrDefault(AlarmCategories.PublicOrder), ago.GetValueOrDefault(AlarmCategories.PublicOrder));
    }

    private static ReportCounts Count(IReadOnlyCollection<Tracked> items, MonthWindow w) => new(
        items.Count(t => w.Holds(t.FoundAt)), items.Count(t => w.Holds(t.ResolvedAt)),
        items.Count(t => t.OpenAt(w.To)), items.Count(t => t.OpenAt(w.To) && t.Deadline < w.To));

    /// <summary>Every key given gets a line (zeros included), in the order given; keys seen but not given follow.</summary>
    private static List<ReportRow> Breakdown(
        List<Tracked> items, MonthWindow month, IEnumerable<string> keys, Func<Tracked, string> keyOf, Func<string, string?> nameOf)
    {
        var groups = items.GroupBy(keyOf).ToDictionary(g => g.Key, g => g.ToList());
        return keys.Concat(groups.Keys.Order(StringComparer.Ordinal)).Distinct()
            .Select(k => new ReportRow(k, nameOf(k), Count(groups.GetValueOrDefault(k) ?? [], month))).ToList();
    }

    private static IEnumerable<string> Categories(ReportSection section) => section switch
    {
        ReportSection.Disputes => Enum.GetNames<DisputeCategory>(),
        _ => InvestigationCategories.Of(KindOf(section)),
    };

    public static ReportSection SectionOf(InvestigationKind kind) => kind switch
    {
        InvestigationKind.PublicOrder => ReportSection.PublicOrder,
        InvestigationKind.Safety => ReportSection.Safety,
        _ => ReportSection.Instability,
    };

    public static InvestigationKind KindOf(ReportSection section) => section switch
    {
        ReportSection.PublicOrder => InvestigationKind.PublicOrder,
        ReportSection.Safety => InvestigationKind.Safety,
        ReportSection.Instability => InvestigationKind.Instability,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Disputes are not an investigation kind."),
    };

    /// <summary>The community whose path the record lies under; "" for records kept above community level.</summary>
    private static string CommunityOf(string path, Dictionary<string, string> communities)
    {
        for (var p = path; p is not null; p = JurisdictionPaths.Parent(p))
            if (communities.TryGetValue(p, out var code)) return code;
        return "";
    }

    private static string Shorten(string text) => text.Length <= SummaryLength ? text : text[..SummaryLength] + "…";

    private sealed record MonthWindow(DateTimeOffset From, DateTimeOffset To)
    {
        public bool Holds(DateTimeOffset? at) => at >= From && at < To;
    }

    private sealed record Tracked(
        ReportSection Section, string Number, string Category, string Path, DateTimeOffset FoundAt, DateTimeOffset? ResolvedAt,
        DateTimeOffset? Deadline, bool Major, string Summary, string? Unit, string? Person)
    {
        public bool OpenAt(DateTimeOffset at) => FoundAt < at && (ResolvedAt is null || ResolvedAt >= at);
    }
}
