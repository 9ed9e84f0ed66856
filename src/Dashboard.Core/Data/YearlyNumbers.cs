using System.Globalization;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Data;

/// <summary>
/// Hands out numbers PREFIX-yyyy-nnnnnn (JF- for dispute cases, PC- for investigation items), consecutive within a local
/// calendar year, for one unit of work. Two writers may pick the same number; the unique index refuses the second, which
/// retries.
/// </summary>
internal sealed class YearlyNumbers(string prefix, IQueryable<string> existing, LocalCalendar calendar)
{
    private readonly Dictionary<int, int> _last = [];

    public async Task<string> NextAsync(DateTimeOffset at, CancellationToken ct)
    {
        var year = calendar.ToLocal(at).Year;
        var yearPrefix = $"{prefix}-{year}-";
        if (!_last.TryGetValue(year, out var last))
        {
            var highest = await existing.Where(n => n.StartsWith(yearPrefix)).OrderByDescending(n => n).FirstOrDefaultAsync(ct);
            last = highest is null ? 0 : int.Parse(highest[yearPrefix.Length..], CultureInfo.InvariantCulture);
        }
        _last[year] = ++last;
        return $"{yearPrefix}{last:000000}";
    }
}
