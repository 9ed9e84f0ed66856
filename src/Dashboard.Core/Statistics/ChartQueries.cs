using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Statistics;

/// <summary>
/// The statistics charts of a scope, a period of whole local days and an optional alarm category. Alarm counts come from
/// <see cref="AlarmBucket"/>s; only response times read alarm rows, and disputes and warnings (small tables) are read directly.
/// "Places" are the nodes one level below the scope: the stations of a township, the communities of a station.
/// </summary>
public sealed class ChartQueries(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, WarningStatistics warnings, LocalCalendar calendar, TimeProvider clock)
{
    /// <summary>The longest period charted: a longer custom range keeps its last year.</summary>
    public const int MaxDays = 366;

    private static readonly int[] ResponseBinEdges = [0, 5, 10, 15, 20, 25, 30, 40, 50, 60];

    public async Task<StatisticsFigures> AllAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct = default)
    {
        period = Within(period);
        return new StatisticsFigures(
            await DailyAsync(scope, period, category, ct), await ComparisonsAsync(scope, period, category, ct),
            await GridsAsync(scope, period, category, ct), await HourOfWeekAsync(scope, period, category, ct),
            await ResponseTimesAsync(scope, period, category, ct), await DisputeOutcomesAsync(scope, period, ct),
            (await warnings.ForAsync(scope, period.From, period.To, ct)).ByModel);
    }

    /// <summary>Alarms per local day of the period, each beside the same day a year earlier.</summary>
    public async Task<IReadOnlyList<DayCount>> DailyAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct = default)
    {
        period = Within(period);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var buckets = BucketTotals.Of(db, scope, category);
        var current = PerDay(await BucketTotals.ByHourAsync(buckets, period, ct));
        var lastYear = PerDay(await BucketTotals.ByHourAsync(buckets, period.LastYear(calendar), ct));
        var (first, last) = (DateOf(period.From), DateOf(period.To.AddTicks(-1)));
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)
            .Select(d => new DayCount(d, current.GetValueOrDefault(d), lastYear.GetValueOrDefault(d.AddYears(-1)))).ToList();
    }

    /// <summary>Alarms per local weekday and hour over the period: when the busy hours are.</summary>
    public async Task<WeekHours> HourOfWeekAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct = default)
    {
        period = Within(period);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = Enumerable.Range(0, 7).Select(_ => new int[24]).ToArray();
        foreach (var (hour, count) in await BucketTotals.ByHourAsync(BucketTotals.Of(db, scope, category), period, ct))
        {
            var local = calendar.ToLocal(hour);
            counts[((int)local.DayOfWeek + 6) % 7][local.Hour] += count;
        }
        return new WeekHours(counts);
    }

    private async Task<Comparisons> ComparisonsAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct)
    {
        // A period still running ends with the current hour and is compared with the same stretch before and a year ago.
        var current = period.Until(AlarmBucket.HourOf(clock.GetUtcNow()).AddHours(1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var buckets = BucketTotals.Of(db, scope, category);
        List<PlaceCount>[] counts =
        [
            await BucketTotals.ByPlaceAsync(buckets, current, ct), await BucketTotals.ByPlaceAsync(buckets, current.Previous, ct),
            await BucketTotals.ByPlaceAsync(buckets, current.LastYear(calendar), ct),
        ];
        var places = await PlacesAsync(scope, counts.SelectMany(c => c).Select(c => PlaceOf(scope, c.Path)), ct);
        return new Comparisons(
            Compare(category is null ? AlarmCategories.All : [category], counts, c => c.Category),
            Compare(places, counts, c => PlaceOf(scope, c.Path)));
    }

    private static List<Comparison> Compare(IEnumerable<string> keys, List<PlaceCount>[] counts, Func<PlaceCount, string> keyOf)
    {
        var sums = counts.Select(c => c.GroupBy(keyOf).ToDictionary(g => g.Key, g => g.Sum(x => x.Count))).ToArray();
        return keys.Concat(sums[0].Keys).Distinct()
            .Select(k => new Comparison(k, sums[0].GetValueOrDefault(k), sums[1].GetValueOrDefault(k), sums[2].GetValueOrDefault(k))).ToList();
    }

    private async Task<List<GridFigure>> GridsAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byPath = (await BucketTotals.ByPlaceAsync(BucketTotals.Of(db, scope, category), period, ct))
            .GroupBy(c => c.Path).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return (await map.NodesAsync(ct))
            .Where(n => n.Level == JurisdictionLevel.Grid && n.BoundaryWkt is not null && scope.Contains(n.Path))
            .Select(n =>
            {
                var shape = GridShape.Read(n.BoundaryWkt!);
                var alarms = byPath.Where(p => p.Key.StartsWith(n.Path, StringComparison.Ordinal)).Sum(p => p.Value);
                return new GridFigure(n.Code, n.Name, alarms, n.Population, GridShape.AreaKm2(shape), GridShape.Outline(shape));
            }).ToList();
    }

    private async Task<ResponseSpread> ResponseTimesAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarms = db.Alarms.AsNoTracking().InScope(scope)
            .Where(a => a.ReceivedAt >= period.From && a.ReceivedAt < period.To && a.OnSceneAt != null);
        if (category is not null) alarms = alarms.Where(a => a.Category == category);
        // A spread and its percentiles need each alarm's own minutes, which no bucket can hold: read only the two times and
        // the path of the alarms that reached the scene (a few columns of one jurisdiction's period), never whole rows.
        var samples = (await alarms.Select(a => new { a.ReceivedAt, a.OnSceneAt, a.JurisdictionPath }).ToListAsync(ct))
            .Select(a => (Place: PlaceOf(scope, a.JurisdictionPath), Minutes: (a.OnSceneAt!.Value - a.ReceivedAt).TotalMinutes))
            .Where(s => s.Minutes >= 0).ToList();

        var bins = ResponseBinEdges.Select((from, i) => i + 1 < ResponseBinEdges.Length ? new ResponseBin(from, ResponseBinEdges[i + 1],
                samples.Count(s => s.Minutes >= from && s.Minutes < ResponseBinEdges[i + 1]))
            : new ResponseBin(from, null, samples.Count(s => s.Minutes >= from))).ToList();
        var byPlace = (await PlacesAsync(scope, samples.Select(s => s.Place), ct)).Select(place =>
        {
            var sorted = samples.Where(s => s.Place == place).Select(s => s.Minutes).Order().ToList();
            return new ResponseFigures(place, sorted.Count, KpiQueries.Percentile(sorted, 0.5), KpiQueries.Percentile(sorted, 0.9));
        }).ToList();
        return new ResponseSpread(bins, byPlace);
    }

    private async Task<List<DisputeOutcomes>> DisputeOutcomesAsync(JurisdictionScope scope, Period period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var closed = (await db.Disputes.AsNoTracking().InScope(scope)
                .Where(d => d.Status == DisputeStatus.Closed && d.ClosedAt >= period.From && d.ClosedAt < period.To)
                .GroupBy(d => new { d.JurisdictionPath, d.Outcome }).Select(g => new { g.Key.JurisdictionPath, g.Key.Outcome, Count = g.Count() })
                .ToListAsync(ct))
            .Select(c => (Place: PlaceOf(scope, c.JurisdictionPath), c.Outcome, c.Count)).ToList();
        return (await PlacesAsync(scope, closed.Select(c => c.Place), ct)).Select(place => new DisputeOutcomes(place,
            closed.Where(c => c.Place == place && c.Outcome == MediationOutcome.Success).Sum(c => c.Count),
            closed.Where(c => c.Place == place && c.Outcome == MediationOutcome.Failure).Sum(c => c.Count))).ToList();
    }

    /// <summary>The places one level below the scope in tree order, so a place with nothing to count still has its row.</summary>
    private async Task<List<string>> PlacesAsync(JurisdictionScope scope, IEnumerable<string> found, CancellationToken ct) =>
        (await map.NodesAsync(ct)).Where(n => JurisdictionPaths.Parent(n.Path) == scope.Path).Select(n => n.Path)
            .Concat(found).Distinct().Order(StringComparer.Ordinal).ToList();

    // A record placed on the scope's own node (no station or grid known) counts under the scope itself.
    private static string PlaceOf(JurisdictionScope scope, string path) => JurisdictionPaths.ChildOf(scope.Path, path) ?? scope.Path;

    private Dictionary<DateOnly, int> PerDay(List<HourCount> hours) =>
        hours.GroupBy(h => DateOf(h.Hour)).ToDictionary(g => g.Key, g => g.Sum(h => h.Count));

    private DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(calendar.ToLocal(instant).DateTime);

    /// <summary>The period as charted: a longer one keeps its last <see cref="MaxDays"/> days.</summary>
    public static Period Within(Period period) =>
        period.To - period.From > TimeSpan.FromDays(MaxDays) ? new Period(period.To - TimeSpan.FromDays(MaxDays), period.To) : period;
}
