using System.Data;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dashboard.Core.Statistics;

/// <summary>Statistics figures downloaded as an Excel workbook, one sheet per chart; every download is audited like the ledger's.</summary>
public sealed class StatisticsExport(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    public async Task ExportAsync(JurisdictionScope scope, IReadOnlyList<DataTable> sheets, string actor, string detail, Stream output,
        CancellationToken ct = default)
    {
        var workbook = sheets.ToDictionary(s => s.TableName, s => (object)s);
        await output.SaveAsAsync(workbook, excelType: ExcelType.XLSX, cancellationToken: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Audit(actor, "statistics.export", scope.Path, detail, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
