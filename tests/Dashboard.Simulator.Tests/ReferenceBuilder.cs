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
    private readonly Dictionary<string, (int Column, int Row)[]> _cells = [];

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

    public ReferenceData Build() =>
        new(new ReferenceNode("T1", Township), _stations, _communities, _grids, _units);

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
        return new ReferenceGrid(code, code, community, station,
            [[lon, lat], [lon + Cell, lat], [lon + Cell, lat + Cell], [lon, lat + Cell], [lon, lat]]);
    }
}
