using System.Collections.Concurrent;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;

namespace Dashboard.Core.Live;

/// <summary>Where a unit is and what it is doing, as screens see it. <see cref="Version"/> orders changes for delta sync.</summary>
public sealed record UnitState(
    string Code, string Name, UnitKind Kind, string StationCode, string JurisdictionPath, UnitStatus Status,
    double? Lat, double? Lon, double? Heading, double? SpeedKmh, DateTimeOffset? LastSeen, long Version)
{
    /// <summary>A police or patrol force, as opposed to a vehicle the centre only tracks (a heavy goods vehicle).</summary>
    public bool IsForce => Kind != UnitKind.HeavyVehicle;

    public bool IsAvailable => IsForce && Status is UnitStatus.OnDuty or UnitStatus.Standby or UnitStatus.Patrolling && Lat is not null;

    /// <summary>A small number the board gives the unit when it first sees it, kept for the life of the server, so a map
    /// can be sent the code once and the slot after that.</summary>
    public int Slot { get; init; }
}

/// <summary>
/// Every unit's latest state, once per server. Each change takes a new version number, so a screen asks "what changed
/// since version N" and sends only those units to its map.
/// </summary>
public sealed class UnitBoard
{
    private readonly ConcurrentDictionary<string, UnitState> _units = new(StringComparer.Ordinal);
    private long _version;
    private int _slots;

    public long Version => Interlocked.Read(ref _version);

    public void Load(IEnumerable<UnitState> units)
    {
        foreach (var unit in units)
            _units[unit.Code] = unit with
            {
                Version = Interlocked.Increment(ref _version),
                Slot = _units.TryGetValue(unit.Code, out var known) ? known.Slot : NextSlot(),
            };
    }

    public void Move(UnitMoved moved)
    {
        _units.AddOrUpdate(moved.UnitCode,
            _ => new UnitState(moved.UnitCode, moved.UnitCode, moved.Kind, "", moved.JurisdictionPath, moved.Status, moved.Lat,
                moved.Lon, moved.Heading, moved.SpeedKmh, moved.At, Interlocked.Increment(ref _version)) { Slot = NextSlot() },
            (_, u) => u.LastSeen > moved.At ? u : u with
            {
                Status = moved.Status, Lat = moved.Lat, Lon = moved.Lon, Heading = moved.Heading, SpeedKmh = moved.SpeedKmh,
                LastSeen = moved.At, Version = Interlocked.Increment(ref _version),
            });
    }

    public void SetStatus(string code, UnitStatus status)
    {
        if (_units.TryGetValue(code, out var unit) && unit.Status != status)
            _units[code] = unit with { Status = status, Version = Interlocked.Increment(ref _version) };
    }

    /// <summary>Marks units silent for longer than <see cref="Unit.OfflineAfter"/> as offline; returns whether any changed.</summary>
    public bool SweepOffline(DateTimeOffset now)
    {
        var changed = false;
        foreach (var unit in _units.Values)
        {
            if (unit.Status == UnitStatus.Offline || (unit.LastSeen is { } seen && now - seen <= Unit.OfflineAfter)) continue;
            _units[unit.Code] = unit with { Status = UnitStatus.Offline, Version = Interlocked.Increment(ref _version) };
            changed = true;
        }
        return changed;
    }

    private int NextSlot() => Interlocked.Increment(ref _slots) - 1;

    /// <summary>Units in scope changed after <paramref name="since"/>; returns the version to ask from next time.</summary>
    public long ChangedSince(long since, JurisdictionScope scope, List<UnitState> into)
    {
        var upTo = Version;
        foreach (var unit in _units.Values)
            if (unit.Version > since && unit.Version <= upTo && scope.Contains(unit.JurisdictionPath)) into.Add(unit);
        return upTo;
    }

    public IEnumerable<UnitState> InScope(JurisdictionScope scope) => _units.Values.Where(u => scope.Contains(u.JurisdictionPath));

    /// <summary>The free units closest to a point, by straight-line distance in metres.</summary>
    public IReadOnlyList<(UnitState Unit, double Meters)> NearestAvailable(double lat, double lon, JurisdictionScope scope, int count) =>
        InScope(scope).Where(u => u.IsAvailable)
            .Select(u => (Unit: u, Meters: GeoDistance.Meters(lat, lon, u.Lat!.Value, u.Lon!.Value)))
            .OrderBy(x => x.Meters).Take(count).ToList();
}
