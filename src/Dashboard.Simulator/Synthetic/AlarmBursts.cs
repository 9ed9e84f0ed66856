using Dashboard.Core.Alarms;

namespace Dashboard.Simulator.Synthetic;

/// <summary>
/// Now and then one incident brings a run of calls from one grid within the hour — a brawl outside a restaurant, a
/// building on fire, workers gathering over unpaid wages, a pile-up — each caller reporting it on their own. These are
/// the surges the alarm-surge model looks for: the ordinary arrivals put a handful of calls a day in a grid, never eight
/// in an hour. Bursts scale with the rate multiplier, so rate 0 still posts no alarms.
/// </summary>
internal sealed class AlarmBursts(AlarmGenerator generator, Random rng, double rate)
{
    /// <summary>Bursts a day at rate 1 (the demo runs at 4: about two a day).</summary>
    public const double PerDay = 0.5;

    public const int MinCalls = 8;
    public const int MaxCalls = 12;

    /// <summary>The calls of one burst come within this long of the first.</summary>
    public static readonly TimeSpan LongestSpread = TimeSpan.FromMinutes(50);

    /// <summary>Callers see the incident from around it: within this distance of the spot.</summary>
    private const double SpreadMeters = 150;

    private static readonly (string Category, string Subcategory)[] Incidents =
    [
        (AlarmCategories.PublicOrder, "fight"),
        (AlarmCategories.PublicOrder, "disorder"),
        (AlarmCategories.Fire, "fire.building"),
        (AlarmCategories.Dispute, "dispute.labor"),
        (AlarmCategories.Traffic, "traffic.accident"),
    ];

    private readonly List<(DateTimeOffset At, AlarmKind Kind, GridShape Grid, LatLon Location)> _pending = [];

    /// <summary>The calls due by <paramref name="to"/>, bursts starting in [<paramref name="from"/>, <paramref name="to"/>)
    /// included, in time order.</summary>
    public IReadOnlyList<AlarmInput> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var starting = AlarmMix.PoissonCount(PerDay * rate * (to - from).TotalDays, rng);
        for (var i = 0; i < starting; i++) Start(from + (to - from) * rng.NextDouble());
        if (_pending.Count == 0) return [];
        var due = _pending.Where(c => c.At <= to).OrderBy(c => c.At).ToList();
        _pending.RemoveAll(c => c.At <= to);
        return due.Select(c => generator.CallAbout(c.Kind, c.Grid, c.Location, c.At)).ToList();
    }

    private void Start(DateTimeOffset at)
    {
        var (category, subcategory) = Incidents[rng.Next(Incidents.Length)];
        var grid = generator.RandomGrid();
        var spot = grid.RandomPoint(rng);
        var calls = rng.Next(MinCalls, MaxCalls + 1);
        var spread = LongestSpread * (0.4 + 0.6 * rng.NextDouble());
        for (var i = 0; i < calls; i++)
        {
            var callAt = i == 0 ? at : at + spread * rng.NextDouble();
            _pending.Add((callAt, AlarmMix.DrawOf(category, subcategory, rng), grid, Near(spot, grid)));
        }
    }

    /// <summary>A caller's position near the spot, kept inside the grid so every call counts for it.</summary>
    private LatLon Near(LatLon spot, GridShape grid)
    {
        var metersPerDegreeLon = 111_320 * Math.Cos(double.DegreesToRadians(spot.Lat));
        var candidate = new LatLon(
            spot.Lat + (rng.NextDouble() * 2 - 1) * SpreadMeters / 111_320,
            spot.Lon + (rng.NextDouble() * 2 - 1) * SpreadMeters / metersPerDegreeLon);
        return grid.Contains(candidate) ? candidate : spot;
    }
}
