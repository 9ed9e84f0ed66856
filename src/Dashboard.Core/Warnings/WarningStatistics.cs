using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>One row of the warning statistics: a model or a station.</summary>
public sealed record WarningFigures(string Key, int Issued, int SignedInTime, double? SignedInTimePercent, double? MedianMinutesToSign, int Closed);

public sealed record WarningStatisticsResult(IReadOnlyList<WarningFigures> ByModel, IReadOnlyList<WarningFigures> ByStation, WarningFigures Total);

/// <summary>Issued, signed within the deadline, median time to sign and closed, for warnings issued in a period, by model and by station.</summary>
public sealed class WarningStatistics(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public async Task<WarningStatisticsResult> ForAsync(JurisdictionScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (f, t) = (from.ToUniversalTime(), to.ToUniversalTime());
        var deadlines = await db.WarningModels.AsNoTracking().ToDictionaryAsync(m => m.Code, m => TimeSpan.FromMinutes(m.SignDeadlineMinutes), ct);
        var rows = await db.Warnings.AsNoTracking().InScope(scope).Where(w => w.IssuedAt >= f && w.IssuedAt < t)
            .Select(w => new Row(w.ModelCode, w.JurisdictionPath, w.IssuedAt, w.SignedForAt, w.State == WarningState.Closed)).ToListAsync(ct);
        return new WarningStatisticsResult(
            rows.GroupBy(r => r.ModelCode).Select(g => Figures(g.Key, g, deadlines)).OrderBy(x => x.Key).ToList(),
            rows.GroupBy(r => StationOf(r.Path)).Select(g => Figures(g.Key, g, deadlines)).OrderBy(x => x.Key).ToList(),
            Figures("", rows, deadlines));
    }

    private sealed record Row(string ModelCode, string Path, DateTimeOffset IssuedAt, DateTimeOffset? SignedForAt, bool Closed);

    private static WarningFigures Figures(string key, IEnumerable<Row> group, IReadOnlyDictionary<string, TimeSpan> deadlines)
    {
        var rows = group.ToList();
        var toSign = rows.Where(r => r.SignedForAt is not null).Select(r => (r.SignedForAt!.Value - r.IssuedAt).TotalMinutes).Order().ToList();
        var inTime = rows.Count(r => r.SignedForAt is { } s && s - r.IssuedAt <= deadlines.GetValueOrDefault(r.ModelCode, TimeSpan.FromMinutes(30)));
        double? median = toSign.Count == 0 ? null
            : toSign.Count % 2 == 1 ? toSign[toSign.Count / 2] : (toSign[toSign.Count / 2 - 1] + toSign[toSign.Count / 2]) / 2;
        return new WarningFigures(key, rows.Count, inTime, rows.Count == 0 ? null : 100.0 * inTime / rows.Count, median, rows.Count(r => r.Closed));
    }

    // /T001/S001/… → S001; a warning placed at the township itself counts under the township.
    private static string StationOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? parts[1] : parts.FirstOrDefault() ?? "";
    }
}
