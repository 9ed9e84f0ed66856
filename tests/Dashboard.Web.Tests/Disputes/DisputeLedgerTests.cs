using Dashboard.Core;
using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Dashboard.Web.Tests.Disputes;

public sealed class DisputeLedgerTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly JurisdictionScope Township = new("/T001/");
    private static readonly JurisdictionScope Station1 = new("/T001/S001/");
    private DisputeLedger Ledger => app.Services.GetRequiredService<DisputeLedger>();

    private async Task<string> RegisterAsync(string station, string party)
    {
        var outcome = await app.Services.GetRequiredService<DisputeIntake>().RegisterAsync(new DisputeInput(null, null, null, "Labor", "Red",
            "欠薪纠纷", "工业园区8号", null, station, 6, [new PartyInput(party, null, "13711112222", "申请人")]), DisputeSource.Staff, "staff1", Township);
        return outcome.Value!.CaseNumber;
    }

    private static async Task<List<IDictionary<string, object?>>> ReadAsync(Stream xlsx)
    {
        xlsx.Position = 0;
        return (await xlsx.QueryAsync(useHeaderRow: true, excelType: ExcelType.XLSX)).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task The_export_has_the_ledger_columns_masked_parties_and_only_the_callers_jurisdiction()
    {
        var mine = await RegisterAsync("S001", "蒋某某");
        var theirs = await RegisterAsync("S002", "沈某某");
        using var file = new MemoryStream();

        var count = await Ledger.ExportAsync(Station1, new DisputeFilter(), "chief1", file);

        var rows = await ReadAsync(file);
        Assert.Equal(count, rows.Count);
        Assert.Equal(DisputeLedger.Columns, rows[0].Keys);
        var row = rows.Single(r => (string?)r["编号"] == mine);
        Assert.Equal("劳资", row["类别"]);
        Assert.Equal("蒋**", row["当事人"]);
        Assert.Equal("窗口登记", row["来源"]);
        Assert.Equal("已登记", row["状态"]);
        Assert.Equal("工业园区8号", row["地点"]);
        Assert.DoesNotContain(rows, r => (string?)r["编号"] == theirs);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "dispute.export" && a.Actor == "chief1")));
    }

    [Fact]
    public async Task An_import_registers_the_good_rows_reports_each_bad_one_and_a_second_import_adds_nothing()
    {
        var sheet = new List<Dictionary<string, object?>>
        {
            new() { ["编号"] = "WT-001", ["登记日期"] = "2026-11-02", ["类别"] = "邻里", ["当事人"] = "吕某、施某", ["地点"] = "渭西村2组", ["风险"] = "黄" },
            new() { ["编号"] = null, ["登记日期"] = "2026-11-02", ["类别"] = "邻里", ["当事人"] = "张某", ["地点"] = null, ["风险"] = null },
            new() { ["编号"] = "WT-003", ["登记日期"] = "去年", ["类别"] = "邻里", ["当事人"] = "孔某", ["地点"] = null, ["风险"] = null },
            new() { ["编号"] = "WT-004", ["登记日期"] = "2026-11-03", ["类别"] = "宠物", ["当事人"] = "曹某", ["地点"] = null, ["风险"] = null },
            new() { ["编号"] = "WT-005", ["登记日期"] = "2026-11-03", ["类别"] = "劳资", ["当事人"] = "", ["地点"] = null, ["风险"] = null },
            new() { ["编号"] = "WT-006", ["登记日期"] = new DateTime(2026, 11, 4), ["类别"] = "物业", ["当事人"] = "严某", ["地点"] = "青湖花园", ["风险"] = "红" },
        };
        using var file = new MemoryStream();
        await file.SaveAsAsync(sheet, excelType: ExcelType.XLSX);

        file.Position = 0;
        var first = await Ledger.ImportAsync(file, "staff1", Station1);
        file.Position = 0;
        var second = await Ledger.ImportAsync(file, "staff1", Station1);

        Assert.Equal(2, first.Imported);
        Assert.Equal([3, 4, 5, 6], first.Rejected.Select(r => r.Row));
        Assert.Contains("编号", first.Rejected[0].Reason);
        Assert.Contains("登记日期", first.Rejected[1].Reason);
        Assert.Contains("类别", first.Rejected[2].Reason);
        Assert.Contains("parties", first.Rejected[3].Reason);
        Assert.Equal((0, 2), (second.Imported, second.Duplicates));
        var imported = await app.QueryAsync(db => db.Disputes.Include(d => d.Parties).SingleAsync(d => d.ExternalId == "ledger:WT-001"));
        Assert.Equal(DisputeCategory.Neighbor, imported.Category);
        Assert.Equal(RiskColor.Yellow, imported.Risk);
        Assert.Equal(["吕某", "施某"], imported.Parties.Select(p => p.Name).Order());
        Assert.StartsWith("/T001/S001/", imported.JurisdictionPath);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 16, 0, 0, TimeSpan.Zero), imported.RegisteredAt);
    }

    [Fact]
    public async Task The_ledger_download_needs_a_signed_in_person()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/disputes/ledger.xlsx");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
        // An upstream key is not a person: it is sent to the sign-in page, never given the file.
        var withKey = await app.ApiClient().GetAsync("/disputes/ledger.xlsx");
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", withKey.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_a_reason()
    {
        using var junk = new MemoryStream("这不是表格"u8.ToArray());
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Ledger.ImportAsync(junk, "staff1", Station1));
        Assert.Contains("Excel", ex.Message);
    }
}
