using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;

namespace Dashboard.Benchmarks;

/// <summary>The units and grids the reference API returned, moving a little with every batch. Grid cells are convex
/// (clipped Voronoi), so the mean of a ring's corners lies inside its grid.</summary>
public sealed class BenchWorld
{
    private readonly string[] _units;
    private readonly (double Lat, double Lon)[] _at;
    private readonly (double Lat, double Lon)[] _gridCenters;
    private readonly Random _rng = new(42);
    private long _alarmNumber;

    public BenchWorld(ReferenceData reference)
    {
        _units = reference.Units.Select(u => u.Code).ToArray();
        _gridCenters = reference.Grids.Select(g => (g.Ring.Average(p => p[1]), g.Ring.Average(p => p[0]))).ToArray();
        _at = _units.Select((_, i) => _gridCenters[i % _gridCenters.Length]).ToArray();
    }

    public int UnitCount => _units.Length;

    /// <summary>Fixes for units [first, first + count) (wrapping), all stamped <paramref name="at"/>.</summary>
    public List<PositionInput> Positions(long first, int count, DateTimeOffset at)
    {
        var batch = new List<PositionInput>(count);
        lock (_rng)
        {
            for (var k = 0; k < count; k++)
            {
                var i = (int)((first + k) % _units.Length);
                var (lat, lon) = _at[i];
                _at[i] = (lat + (_rng.NextDouble() - 0.5) * 0.0004, lon + (_rng.NextDouble() - 0.5) * 0.0004);
                batch.Add(new PositionInput(_units[i], at, _at[i].Lat, _at[i].Lon, _rng.Next(0, 60), _rng.Next(0, 360)));
            }
        }
        return batch;
    }

    private static readonly (string Category, string Subcategory, string Summary)[] Kinds =
    [
        ("criminal", "theft.ebike", "电动车被盗"), ("traffic", "traffic.accident", "两车刮擦"), ("assistance", "assistance.lost_person", "老人走失"),
        ("public_order", "noise", "夜间噪音扰民"), ("fire", "fire.building", "楼道冒烟"), ("other", "other", "其他求助"),
    ];

    public List<AlarmInput> Alarms(int count, string prefix, DateTimeOffset receivedAt)
    {
        var batch = new List<AlarmInput>(count);
        for (var k = 0; k < count; k++)
        {
            var n = Interlocked.Increment(ref _alarmNumber);
            var (category, subcategory, summary) = Kinds[n % Kinds.Length];
            var (lat, lon) = _gridCenters[n % _gridCenters.Length];
            batch.Add(new AlarmInput($"{prefix}-{n:0000000}", receivedAt, category, subcategory, 2, summary, null,
                new GeoPoint(lat, lon), null, null, null));
        }
        return batch;
    }
}
