using Dashboard.Core.Data;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Disputes;

/// <summary>
/// Hands out case numbers JF-yyyy-nnnnnn, consecutive within a local calendar year, for one unit of work. Two writers may
/// pick the same number; the unique index refuses the second, which retries.
/// </summary>
internal sealed class CaseNumbers(DashboardDbContext db, LocalCalendar calendar)
{
    private readonly Dictionary<int, int> _last = [];

    public async Task<string> NextAsync(DateTimeOffset registeredAt, CancellationToken ct)
    {
        var year = calendar.ToLocal(registeredAt).Year;
        if (!_last.TryGetValue(year, out var last))
        {
            var prefix = $"JF-{year}-";
            var highest = await db.Disputes.Where(d => d.CaseNumber.StartsWith(prefix)).OrderByDescending(d => d.CaseNumber)
                .Select(d => d.CaseNumber).FirstOrDefaultAsync(ct);
            last = highest is null ? 0 : int.Parse(highest[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
        _last[year] = ++last;
        return $"JF-{year}-{last:000000}";
    }
}
