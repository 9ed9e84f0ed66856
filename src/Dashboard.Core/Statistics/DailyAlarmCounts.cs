using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Statistics;

public sealed record DayCount(DateOnly Date, int Count, int SameDayLastYear);

/// <summary>Alarms per local day over the last days, today included, each beside the same day a year earlier.</summary>
public sealed class DailyAlarmCounts(IDbContextFactory<DashboardDbContext> dbFactory, LocalCalendar calendar)
{
    public async Task<IReadOnlyList<DayCount>> LastDaysAsync(JurisdictionScope scope, int days, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(calendar.Now.DateTime);
        var first = today.AddDays(1 - days);
        var current = await CountAsync(scope, first, today, ct);
        var lastYear = await CountAsync(scope, first.AddYears(-1), today.AddYears(-1), ct);
        return Enumerable.Range(0, days).Select(i => first.AddDays(i))
            .Select(d => new DayCount(d, current.GetValueOrDefault(d), lastYear.GetValueOrDefault(d.AddYears(-1)))).ToList();
    }

    private async Task<Dictionary<DateOnly, int>> CountAsync(JurisdictionScope scope, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var (from, to) = (calendar.StartOf(first), calendar.StartOf(last.AddDays(1)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Days are cut in the local zone, which SQL cannot do portably; a week of one jurisdiction's times is small.
        var times = await db.Alarms.AsNoTracking().InScope(scope).Where(a => a.ReceivedAt >= from && a.ReceivedAt < to)
            .Select(a => a.ReceivedAt).ToListAsync(ct);
        return times.GroupBy(t => DateOnly.FromDateTime(calendar.ToLocal(t).DateTime)).ToDictionary(g => g.Key, g => g.Count());
    }
}
