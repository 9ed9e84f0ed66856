using Dashboard.Core.Jurisdictions;

namespace Dashboard.Simulator.Tests;

/// <summary>
/// A small synthetic jurisdiction laid out on a lattice of square grids, so a test can tell by plain arithmetic
/// whether a point lies in a grid or a station's area, independently of the code under test.
/// </summary>
internal sealed class ReferenceBuilder
{
    public const string Township = "渭塘镇";
    public const double OriginLat = 31.40;
    public const double OriginLon = 120.60;
    public const double Cell = 0.01;

    private readonly List<ReferenceStation> _stations = [];
    private readonly List<ReferenceCommunity> _communities = [];
    private readonly List<ReferenceGrid> _grids = [];
    private readonly List<ReferenceUnit> _units = [];
    private readonly List<ReferenceGeofence> _fences = [];
    private readonly List<ReferencePatrolPoint> _points = [];
    private readonly Dictionary<string, (int Column, int Row)[]> _cells = [];
    private readonly List<(double MinLat, double MinLon, double MaxLat, double MaxLon)> _zones = [];

    /// <summary>Two stations side by side, seven units each: a square block and an L-shaped one, so that a straight
    /// line between two of a station's points can leave its area.</summary>
    public static ReferenceBuilder TwoStations() => new ReferenceBuilder()
        .Station("S1", "渭南村", "凤凰社区", (0, 0), (1, 0), (0, 1), (1, 1))
        .Station("S2", "钱家村", "澄阳社区", (2, 0), (3, 0), (2, 1), (2, 2), (3, 2))
        .Units("S1").Units("S2");

    /// <summary>A station owning some cells of the lattice; its building sits in the middle of the first cell. Cells in
    /// the first cell's column belong to the village, the others to the urban community.</summary>
    public ReferenceBuilder Station(string code, string village, string neighbourhood, params (int Column, int Row)[] cells)
    {
        _cells[code] = cells;
        var (firstColumn, firstRow) = cells[0];
        _stations.Add(new ReferenceStation(code, code + "派出所", OriginLat + (firstRow + 0.5) * Cell, OriginLon + (firstColumn + 0.5) * Cell));
        _communities.Add(new ReferenceCommunity(code + "-V", village, code));
        _communities.Add(new ReferenceCommunity(code + "-N", neighbourhood, code));
        foreach (var (column, row) in cells)
        {
            var community = column == firstColumn ? code + "-V" : code + "-N";
            _grids.Add(Square($"{code}-G{column}{row}", community, code, column, row));
        }
        return this;
    }

    public ReferenceBuilder Units(string station)
    {
        string[] kinds = ["PatrolCar", "PatrolCar", "Motorcycle", "FootPatrol", "FootPatrol", "GridWorker", "Volunteer"];
        foreach (var kind in kinds)
        {
            var number = _units.Count(u => u.StationCode == station) + 1;
            _units.Add(new ReferenceUnit($"{station}-U{number}", $"{station} {kind} {number}", kind, station));
        }
        return this;
    }

    public ReferenceBuilder Grid(ReferenceGrid grid)
    {
        _grids.Add(grid);
        return this;
    }

    public ReferenceBuilder HeavyVehicles(string station, int count)
    {
        for (var n = 1; n <= count; n++) _units.Add(new ReferenceUnit($"HV{n:00}", $"渣土车{n:00}", "HeavyVehicle", station));
        return this;
    }

    /// <summary>A square zone heavy vehicles must keep out of, placed in lattice units (a cell is 1).</summary>
    public ReferenceBuilder ForbiddenZone(string code, double column, double row, double size)
    {
        var (lat, lon) = (OriginLat + row * Cell, OriginLon + column * Cell);
        _zones.Add((lat, lon, lat + size * Cell, lon + size * Cell));
        _fences.Add(new ReferenceGeofence(code, "Forbidden", ["HeavyVehicle"], [], Box(lat, lon, lat + size * Cell, lon + size * Cell)));
        return this;
    }

    /// <summary>The station's patrol cars fenced into the bounding box of its cells — exactly its area for a rectangular
    /// block such as S1's.</summary>
    public ReferenceBuilder PatrolArea(string station)
    {
        var cells = _cells[station];
        var cars = _units.Where(u => u.StationCode == station && u.Kind == "PatrolCar").Select(u => u.Code).ToList();
        _fences.Add(new ReferenceGeofence($"PA-{station}", "PatrolArea", [], cars, Box(
            OriginLat + cells.Min(c => c.Row) * Cell, OriginLon + cells.Min(c => c.Column) * Cell,
            OriginLat + (cells.Max(c => c.Row) + 1) * Cell, OriginLon + (cells.Max(c => c.Column) + 1) * Cell)));
        return this;
    }

    /// <summary>Two must-visit points in each of the station's cells, at a quarter and three quarters of its diagonal; every
    /// third one with the given shift windows.</summary>
    public ReferenceBuilder PatrolPoints(string station, string shiftWindows)
    {
        foreach (var (column, row) in _cells[station])
            foreach (var offset in (double[])[0.25, 0.75])
            {
                var number = _points.Count + 1;
                _points.Add(new ReferencePatrolPoint($"PP{number:00}", OriginLat + (row + offset) * Cell, OriginLon + (column + offset) * Cell,
                    RadiusMeters: 50, DwellSeconds: 120, $"{station}-G{column}{row}", number % 3 == 0 ? shiftWindows : null));
            }
        return this;
    }

    public ReferenceData Build() =>
        new(new ReferenceNode("T1", Township), _stations, _communities, _grids, _units, _fences, _points);

    /// <summary>Whether a point lies in a forbidden zone.</summary>
    public bool InForbiddenZone(double lat, double lon) =>
        _zones.Any(z => lat >= z.MinLat && lat <= z.MaxLat && lon >= z.MinLon && lon <= z.MaxLon);

    /// <summary>The lattice cell a point lies in, as (column, row).</summary>
    public static (int Column, int Row) CellAt(double lat, double lon) =>
        ((int)Math.Floor((lon - OriginLon) / Cell), (int)Math.Floor((lat - OriginLat) / Cell));

    /// <summary>Whether a point lies in one of the cells the station owns.</summary>
    public bool InStationArea(string station, double lat, double lon) =>
        _cells[station].Any(cell => InCell(cell, lat, lon));

    /// <summary>Whether a point lies in any cell that holds a grid.</summary>
    public bool InAnySquare(double lat, double lon) => _cells.Keys.Any(s => InStationArea(s, lat, lon));

    private static bool InCell((int Column, int Row) cell, double lat, double lon) =>
        lat >= OriginLat + cell.Row * Cell && lat <= OriginLat + (cell.Row + 1) * Cell
        && lon >= OriginLon + cell.Column * Cell && lon <= OriginLon + (cell.Column + 1) * Cell;

    public static ReferenceGrid Square(string code, string community, string station, int column, int row)
    {
        var (lat, lon) = (OriginLat + row * Cell, OriginLon + column * Cell);
        return new ReferenceGrid(code, code, community, station, Box(lat, lon, lat + Cell, lon + Cell));
    }

    private static double[][] Box(double minLat, double minLon, double maxLat, double maxLon) =>
        [[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]];
}
