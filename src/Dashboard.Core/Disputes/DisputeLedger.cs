using System.Globalization;
using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.People;
using Dashboard.Core.Time;
using Dashboard.Core.Validation;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Disputes;

public sealed record LedgerRejection(int Row, string Reason);

public sealed record LedgerImportResult(int Imported, int Duplicates, IReadOnlyList<LedgerRejection> Rejected);

/// <summary>
/// The mediation ledger (台账) as staff keep it in Excel: exported from the cases in scope (parties masked, the export
/// audited), and imported from a ledger kept elsewhere, each row registered as a case or rejected with its reason.
/// The column names and labels are the file format staff use, so they are Chinese here.
/// </summary>
public sealed class DisputeLedger(
    IDbContextFactory<DashboardDbContext> dbFactory, DisputeIntake intake, LocalCalendar calendar, TimeProvider clock)
{
    public static readonly string[] Columns = ["编号", "登记日期", "来源", "类别", "当事人", "地点", "责任单位", "责任人", "期限", "状态", "结果", "回访"];
    public const int MaxImportRows = 5000;

    private static readonly Dictionary<DisputeCategory, string> CategoryLabels = new()
    {
        [DisputeCategory.Family] = "婚姻家庭", [DisputeCategory.Neighbor] = "邻里", [DisputeCategory.Labor] = "劳资",
        [DisputeCategory.Land] = "土地/宅基地", [DisputeCategory.Property] = "物业", [DisputeCategory.TrafficAccident] = "交通事故",
        [DisputeCategory.Medical] = "医疗", [DisputeCategory.Other] = "其他",
    };
    private static readonly Dictionary<DisputeSource, string> SourceLabels = new()
    {
        [DisputeSource.Staff] = "窗口登记", [DisputeSource.Alarm] = "110警情", [DisputeSource.GridWorker] = "网格员",
        [DisputeSource.Hotline] = "12345热线", [DisputeSource.GridApp] = "网格App",
    };
    private static readonly Dictionary<DisputeStatus, string> StatusLabels = new()
    {
        [DisputeStatus.Registered] = "已登记", [DisputeStatus.Routed] = "已分流", [DisputeStatus.Mediating] = "调处中",
        [DisputeStatus.Mediated] = "已调处", [DisputeStatus.ClosureRequested] = "待审核", [DisputeStatus.Returned] = "已退回",
        [DisputeStatus.Closed] = "已结案",
    };
    private static readonly Dictionary<string, RiskColor> RiskLabels = new() { ["红"] = RiskColor.Red, ["红色"] = RiskColor.Red,
        ["黄"] = RiskColor.Yellow, ["黄色"] = RiskColor.Yellow, ["绿"] = RiskColor.Green, ["绿色"] = RiskColor.Green };

    public async Task<int> ExportAsync(JurisdictionScope scope, DisputeFilter filter, string actor, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = DisputeQueries.Where(db.Disputes.AsNoTracking().InScope(scope), filter, clock.GetUtcNow());
        var cases = await query.OrderBy(d => d.RegisteredAt).Include(d => d.Parties).ToListAsync(ct);
        var rows = cases.Select(d => new Dictionary<string, object?>
        {
            ["编号"] = d.CaseNumber, ["登记日期"] = calendar.ToLocal(d.RegisteredAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["来源"] = SourceLabels[d.Source], ["类别"] = CategoryLabels[d.Category],
            ["当事人"] = string.Join("、", d.Parties.Select(p => PersonalDataMask.Name(p.Name))), ["地点"] = d.Address,
            ["责任单位"] = d.ResponsibleOrg, ["责任人"] = d.ResponsiblePerson,
            ["期限"] = d.Deadline is { } due ? calendar.ToLocal(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            ["状态"] = StatusLabels[d.Status], ["结果"] = d.Result,
            ["回访"] = d.FollowUpSatisfaction is { } score ? $"{score}/5 {d.FollowUpNote}".Trim() : null,
        }).ToList();
        await output.SaveAsAsync(rows, sheetName: "矛盾纠纷台账", excelType: ExcelType.XLSX, cancellationToken: ct);
        db.Audit(actor, "dispute.export", scope.Path, $"{rows.Count} case(s)", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>Registers each row as a case, idempotent on the ledger's own number; a bad row is reported, not fatal.</summary>
    public async Task<LedgerImportResult> ImportAsync(Stream input, string actor, JurisdictionScope scope, CancellationToken ct = default)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = (await input.QueryAsync(useHeaderRow: true, excelType: ExcelType.XLSX, cancellationToken: ct))
                .Cast<IDictionary<string, object?>>().Take(MaxImportRows + 1).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DomainRuleException("Ledger.NotWorkbook", "The file is not an Excel workbook (.xlsx) that can be read.");
        }
        if (rows.Count > MaxImportRows) throw new DomainRuleException("Ledger.TooManyRows", $"A ledger import takes at most {MaxImportRows} rows.", MaxImportRows);

        var now = clock.GetUtcNow();
        var rejected = new List<LedgerRejection>();
        var valid = new List<(int Index, DisputeInput Input)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 2; // the header is row 1
            var (parsed, reason) = Parse(rows[i], now);
            if (reason is not null) rejected.Add(new LedgerRejection(rowNumber, reason));
            else valid.Add((rowNumber, parsed!));
        }
        var outcomes = valid.Count == 0 ? [] : await intake.IngestAsync(valid, new IngestionSource(null, scope), actor, ct);
        rejected.AddRange(outcomes.Where(o => !o.Accepted)
            .Select(o => new LedgerRejection(o.Index, string.Join("; ", o.Errors!.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")))));
        rejected.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new LedgerImportResult(outcomes.Count(o => o.Accepted && !o.Value!.Duplicate), outcomes.Count(o => o.Value?.Duplicate == true), rejected);
    }

    private (DisputeInput? Input, string? Reason) Parse(IDictionary<string, object?> row, DateTimeOffset now)
    {
        string? Text(string column) => row.TryGetValue(column, out var v) && v is not null && v.ToString()!.Trim() is { Length: > 0 } t ? t : null;

        if (Text("编号") is not { } number) return (null, "编号 is required");
        if (number.Length > 50) return (null, "编号 is longer than 50 characters");
        if (ReportedAt(row.TryGetValue("登记日期", out var date) ? date : null) is not { } reportedAt) return (null, "登记日期 is not a date");
        if (Text("类别") is not { } label || CategoryLabels.FirstOrDefault(c => c.Value == label) is not { Value: not null } category)
            return (null, $"类别 must be one of: {string.Join("、", CategoryLabels.Values)}");
        var risk = Text("风险") is { } r ? RiskLabels.GetValueOrDefault(r, RiskColor.Green) : RiskColor.Green;
        var parties = (Text("当事人") ?? "").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => (PartyInput?)new PartyInput(name, null, null, null)).ToList();
        var description = Text("案情") ?? Text("结果") ?? $"台账导入：{CategoryLabels[category.Key]}纠纷";
        var input = new DisputeInput("ledger:" + number, reportedAt, DisputeSource.Staff.ToString(), category.Key.ToString(), risk.ToString(),
            description, Text("地点"), null, null, null, parties);
        var errors = input.Validate(now, fromUpstream: false);
        return errors.Any ? (null, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}"))) : (input, null);
    }

    /// <summary>A date cell, or text like 2026-11-03, taken as that day's start in the local zone.</summary>
    private DateTimeOffset? ReportedAt(object? value)
    {
        DateOnly? date = value switch
        {
            DateTime d => DateOnly.FromDateTime(d),
            string s when DateOnly.TryParse(s.Trim(), CultureInfo.InvariantCulture, out var parsed) => parsed,
            double serial when serial is > 1 and < 100_000 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            _ => null,
        };
        return date is { } day ? calendar.StartOf(day) : null;
    }
}
