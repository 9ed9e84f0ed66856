using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;
using Dashboard.Core.Warnings;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

/// <summary>
/// Puts the reference data's units on the map: who is offline, who waits at the station, who patrols where — police,
/// grid workers and volunteers on their station's round, heavy vehicles hauling across the township.
/// </summary>
internal static class Fleet
{
    /// <summary>Share of units whose terminal is off: they post no positions and take no calls.</summary>
    public const double OfflineShare = 0.05;

    /// <summary>Share of a station's police units that wait at the station rather than patrol (at least one).</summary>
    public const double StandbyShare = 0.25;

    public static List<SimulatedUnit> Assemble(ReferenceData reference, IReadOnlyList<GridShape> grids, Random rng)
    {
        var areas = StationAreas(reference, grids, rng);
        var offline = PickOffline(reference.Units, rng);
        var standby = PickStandby(reference.Units, rng);
        var rounds = PatrolRound.ForStations(reference, areas, rng);
        var units = new List<SimulatedUnit>();
        foreach (var unit in reference.Units)
        {
            if (offline.Contains(unit.Code)) continue;
            var kind = KindOf(unit);
            var area = areas.GetValueOrDefault(unit.StationCode) ?? WholeJurisdiction(grids, rng);
            if (kind == UnitKind.HeavyVehicle)
            {
                var route = new HaulRoute(grids, ZonesKeepingOut(reference, unit.Kind), rng);
                units.Add(new SimulatedUnit(unit.Code, kind, area, route, waitsAtStation: false, route.Site));
                continue;
            }
            var waits = standby.Contains(unit.Code);
            var beat = new AreaBeat(area, rounds.GetValueOrDefault(unit.StationCode));
            units.Add(new SimulatedUnit(unit.Code, kind, area, beat, waits, waits ? area.Home : area.RandomPoint(rng)));
        }
        return units;
    }

    /// <summary>The forbidden zones of the reference data that keep out units of this kind.</summary>
    private static List<RingShape> ZonesKeepingOut(ReferenceData reference, string kind) =>
        (reference.Geofences ?? [])
            .Where(f => f.Kind == nameof(GeofenceKind.Forbidden) && f.Ring is { Count: >= 3 }
                && f.UnitKinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
            .Select(f => new RingShape(f.Ring)).ToList();

    private static UnitKind? KindOf(ReferenceUnit unit) =>
        Enum.TryParse<UnitKind>(unit.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    /// <summary>Every station keeps some police units in reserve at the building, the first to go when a call comes in nearby.</summary>
    private static HashSet<string> PickStandby(IReadOnlyList<ReferenceUnit> units, Random rng)
    {
        var standby = new HashSet<string>(StringComparer.Ordinal);
        foreach (var station in units.Where(u => KindOf(u) is UnitKind.PatrolCar or UnitKind.Motorcycle or UnitKind.FootPatrol)
                     .GroupBy(u => u.StationCode))
        {
            var codes = station.Select(u => u.Code).ToArray();
            rng.Shuffle(codes);
            var count = Math.Max(1, (int)Math.Round(codes.Length * StandbyShare, MidpointRounding.AwayFromZero));
            standby.UnionWith(codes.Take(count));
        }
        return standby;
    }

    private static HashSet<string> PickOffline(IReadOnlyList<ReferenceUnit> units, Random rng)
    {
        var codes = units.Select(u => u.Code).ToArray();
        rng.Shuffle(codes);
        var count = (int)Math.Round(codes.Length * OfflineShare, MidpointRounding.AwayFromZero);
        return codes.Take(count).ToHashSet(StringComparer.Ordinal);
    }

    private static Dictionary<string, StationArea> StationAreas(ReferenceData reference, IReadOnlyList<GridShape> grids, Random rng)
    {
        var areas = new Dictionary<string, StationArea>(StringComparer.Ordinal);
        foreach (var station in reference.Stations)
        {
            var own = grids.Where(g => g.Grid.StationCode == station.Code).ToList();
            LatLon? building = station is { Lat: { } lat, Lon: { } lon } ? new LatLon(lat, lon) : null;
            // A station without grids of its own still has units; let them roam the whole jurisdiction.
            areas[station.Code] = new StationArea(own.Count > 0 ? own : grids, building, rng);
        }
        return areas;
    }

    private static StationArea WholeJurisdiction(IReadOnlyList<GridShape> grids, Random rng) => new(grids, null, rng);
}
