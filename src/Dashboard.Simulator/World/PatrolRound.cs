using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Patrol;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

/// <summary>
/// A station's must-visit points as its crews work them: a point whose shift window is open and that nobody has visited
/// since it opened comes first (the nearest such), otherwise any point of the round. Some points are never on anyone's
/// round — out of the way, forgotten — and those are what the missed-point model warns about.
/// </summary>
internal sealed class PatrolRound(IReadOnlyList<RoundPoint> points)
{
    /// <summary>Share of a station's points its crews never get to.</summary>
    public const double NeglectedShare = 0.2;

    private readonly Dictionary<string, RoundPoint> _byCode = points.ToDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>The round of every station that has must-visit points in the reference data.</summary>
    public static Dictionary<string, PatrolRound> ForStations(ReferenceData reference, IReadOnlyDictionary<string, StationArea> areas, Random rng)
    {
        var stationOfGrid = reference.Grids.DistinctBy(g => g.Code).ToDictionary(g => g.Code, g => g.StationCode, StringComparer.Ordinal);
        string? StationOf(ReferencePatrolPoint p) =>
            p.GridCode is { } grid && stationOfGrid.TryGetValue(grid, out var station) ? station
            : areas.FirstOrDefault(a => a.Value.Contains(new LatLon(p.Lat, p.Lon))).Key;

        var rounds = new Dictionary<string, PatrolRound>(StringComparer.Ordinal);
        foreach (var station in (reference.PatrolPoints ?? []).GroupBy(StationOf).Where(g => g.Key is not null))
        {
            var points = station.ToArray();
            rng.Shuffle(points);
            var neglected = (int)Math.Round(points.Length * NeglectedShare, MidpointRounding.AwayFromZero);
            rounds[station.Key!] = new PatrolRound(points.Skip(neglected).Select(p => new RoundPoint(p)).ToList());
        }
        return rounds;
    }

    public RoundPoint? Pick(LatLon from, DateTimeOffset now, Random rng)
    {
        if (points.Count == 0) return null;
        return points.Where(p => p.IsDue(now)).MinBy(p => GeoStep.Meters(from, p.Location)) ?? points[rng.Next(points.Count)];
    }

    public void Visited(string code, DateTimeOffset at)
    {
        if (_byCode.TryGetValue(code, out var point)) point.LastVisit = at;
    }
}

/// <summary>One must-visit point on a round, and when it was last visited.</summary>
internal sealed class RoundPoint(ReferencePatrolPoint point)
{
    private readonly IReadOnlyList<ShiftWindow> _windows = ShiftWindow.Parse(point.ShiftWindows);

    public string Code => point.Code;
    public LatLon Location { get; } = new(point.Lat, point.Lon);
    public DateTimeOffset? LastVisit { get; set; }

    /// <summary>The dwell time and a margin: positions come every few seconds, and the check-in needs the whole dwell.</summary>
    public TimeSpan Stay(Random rng) => TimeSpan.FromSeconds(point.DwellSeconds + 30 + rng.NextDouble() * 90);

    /// <summary>A shift window is open and nobody has been since it opened.</summary>
    public bool IsDue(DateTimeOffset now) => OpenSince(now) is { } since && (LastVisit is null || LastVisit < since);

    /// <summary>When the window open at <paramref name="now"/> opened, on the township's clock; null outside the windows.</summary>
    private DateTimeOffset? OpenSince(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(ChinaTime.Of(now).DateTime);
        foreach (var window in _windows)
        {
            // Yesterday's window too: one that runs past midnight is still open this morning.
            foreach (var day in (ReadOnlySpan<DateOnly>)[today.AddDays(-1), today])
            {
                var start = new DateTimeOffset(day.ToDateTime(window.Start), ChinaTime.Offset);
                var end = new DateTimeOffset((window.End <= window.Start ? day.AddDays(1) : day).ToDateTime(window.End), ChinaTime.Offset);
                if (start <= now && now < end) return start;
            }
        }
        return null;
    }
}
