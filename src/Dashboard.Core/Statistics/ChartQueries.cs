using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;

namespace Dashboard.Core.Statistics;

/// <summary>
/// The statistics charts of a scope, a period of whole local days and an optional alarm category. Alarm counts come from
/// <see cref="AlarmBucket"/>s and response times from <see cref="ResponseBucket"/>s (through <see cref="AlarmCounts"/> and
/// <see cref="Statistics.ResponseTimes"/>), disputes and warnings from <see cref="CaseBucket"/>s. "Places" are the nodes
/// one level below the scope: the stations of a township, the communities of a station.
/// </summary>
public sealed class ChartQueries(
    AlarmCounts counts, ResponseTimes responses, CaseBuckets cases, JurisdictionMap map, LocalCalendar calendar, TimeProvider clock)
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
            await ResponseSpreadAsync(scope, period, category, ct), await DisputeOutcomesAsync(scope, period, ct),
            await cases.WarningsAsync(scope, period, ct));
    }

    /// <summary>Alarms per local day of the period, each beside the same day a year earlier.</summary>
    public async Task<IReadOnlyList<DayCount>> DailyAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct = default)
    {
        period = Within(period);
        var lastYear = period.LastYear(calendar);
        var current = PerDay(await counts.SeriesAsync(scope, BucketSpan.Day, period.From, period.To, category, ct));
        var before = PerDay(await counts.SeriesAsync(scope, BucketSpan.Day, lastYear.From, lastYear.To, category, ct));
        var (first, last) = (DateOf(period.From), DateOf(period.To.AddTicks(-1)));
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)
            .Select(d => new DayCount(d, current.GetValueOrDefault(d), before.GetValueOrDefault(d.AddYears(-1)))).ToList();
    }

    /// <summary>Alarms per local weekday and hour over the period: when the busy hours are.</summary>
    public async Task<WeekHours> HourOfWeekAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct = default)
    {
        period = Within(period);
        var cells = Enumerable.Range(0, 7).Select(_ => new int[24]).ToArray();
        foreach (var (hour, count) in await counts.SeriesAsync(scope, BucketSpan.Hour, period.From, period.To, category, ct))
        {
            var local = calendar.ToLocal(hour);
            cells[((int)local.DayOfWeek + 6) % 7][local.Hour] += count;
        }
        return new WeekHours(cells);
    }

    /// <summary>The period against the one before (环比) and a year earlier (同比), by category and by place.</summary>
    public async Task<Comparisons> ComparisonsAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct = default)
    {
        // A period still running is compared up to now with the same stretch before and a year ago.
        var current = period.Until(clock.GetUtcNow());
        Period[] periods = [current, current.Previous, current.LastYear(calendar)];
        var byCategory = new List<Dictionary<string, int>>();
        var byPlace = new List<Dictionary<string, int>>();
        var depth = JurisdictionPaths.Depth(scope.Path) + 1;
        foreach (var p in periods)
        {
            byCategory.Add(await counts.ByCategoryAsync(scope, p, category, ct));
            byPlace.Add((await counts.ByPlaceAsync(scope, p, depth, category, ct)).GroupBy(c => c.Path).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)));
        }
        var places = await PlacesAsync(scope, byPlace.SelectMany(c => c.Keys), ct);
        return new Comparisons(Compare(category is null ? AlarmCategories.All : [category], byCategory), Compare(places, byPlace));
    }

    private static List<Comparison> Compare(IEnumerable<string> keys, List<Dictionary<string, int>> sums) =>
        keys.Concat(sums[0].Keys).Distinct()
            .Select(k => new Comparison(k, sums[0].GetValueOrDefault(k), sums[1].GetValueOrDefault(k), sums[2].GetValueOrDefault(k))).ToList();

    /// <summary>Alarms per grid of the scope, with its residents and area: the hot areas.</summary>
    public async Task<List<GridFigure>> GridsAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct = default)
    {
        var byPath = (await counts.ByPlaceAsync(scope, period, (int)JurisdictionLevel.Grid, category, ct))
            .GroupBy(c => c.Path).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return (await map.NodesAsync(ct))
            .Where(n => n.Level == JurisdictionLevel.Grid && n.BoundaryWkt is not null && scope.Contains(n.Path))
            .Select(n =>
            {
                var shape = GridShape.Read(n.BoundaryWkt!);
                return new GridFigure(n.Code, n.Name, byPath.GetValueOrDefault(n.Path), n.Population, GridShape.AreaKm2(shape), GridShape.Outline(shape));
            }).ToList();
    }

    private async Task<ResponseSpread> ResponseSpreadAsync(JurisdictionScope scope, Period period, string? category, CancellationToken ct)
    {
        var byPlace = await responses.HistogramsAsync(scope, period, JurisdictionPaths.Depth(scope.Path) + 1, category, ct);
        var all = new ResponseHistogram();
        foreach (var histogram in byPlace.Values)
            for (var minute = 0; minute < histogram.Bins.Count; minute++) all.Add(minute, histogram.Bins[minute]);
        var bins = ResponseBinEdges.Select((from, i) => i + 1 < ResponseBinEdges.Length
            ? new ResponseBin(from, ResponseBinEdges[i + 1], all.Bins.Skip(from).Take(ResponseBinEdges[i + 1] - from).Sum())
            : new ResponseBin(from, null, all.Bins.Skip(from).Sum())).ToList();
        var places = (await PlacesAsync(scope, byPlace.Keys, ct)).Select(place => byPlace.TryGetValue(place, out var h)
            ? new ResponseFigures(place, h.Count, h.Percentile(0.5), h.Percentile(0.9))
            : new ResponseFigures(place, 0, null, null)).ToList();
        return new ResponseSpread(bins, places);
    }

    private async Task<List<DisputeOutcomes>> DisputeOutcomesAsync(JurisdictionScope scope, Period period, CancellationToken ct)
    {
        var rows = await cases.ClosedAsync(scope, period, ct);
        var children = rows.Where(r => r.Path != scope.Path).ToList();
        // The scope's own bucket holds its children's cases too: what is left over was placed on the scope's node itself.
        var own = rows.Where(r => r.Path == scope.Path)
            .Select(r => (r.Path, r.Outcome, Count: r.Count - children.Where(c => c.Outcome == r.Outcome).Sum(c => c.Count))).Where(r => r.Count > 0);
        var all = children.Concat(own).ToList();
        return (await PlacesAsync(scope, all.Select(r => r.Path), ct)).Select(place => new DisputeOutcomes(place,
            all.Where(r => r.Path == place && r.Outcome == MediationOutcome.Success).Sum(r => r.Count),
            all.Where(r => r.Path == place && r.Outcome == MediationOutcome.Failure).Sum(r => r.Count))).ToList();
    }

    /// <summary>The places one level below the scope in tree order, so a place with nothing to count still has its row.</summary>
    private async Task<List<string>> PlacesAsync(JurisdictionScope scope, IEnumerable<string> found, CancellationToken ct) =>
        (await map.NodesAsync(ct)).Where(n => JurisdictionPaths.Parent(n.Path) == scope.Path).Select(n => n.Path)
            .Concat(found).Distinct().Order(StringComparer.Ordinal).ToList();

    private Dictionary<DateOnly, int> PerDay(List<(DateTimeOffset Start, int Count)> days) =>
        days.GroupBy(d => DateOf(d.Start)).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));

    private DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(calendar.ToLocal(instant).DateTime);

    /// <summary>The period as charted: a longer one keeps its last <see cref="MaxDays"/> days.</summary>
    public static Period Within(Period period) =>
        period.To - period.From > TimeSpan.FromDays(MaxDays) ? new Period(period.To - TimeSpan.FromDays(MaxDays), period.To) : period;
}
