namespace Dashboard.Core.Jurisdictions;

/// <summary>
/// What <c>GET /api/v1/reference</c> tells an upstream system about the jurisdiction: codes to post against, grid
/// outlines and the units whose positions it may report.
/// </summary>
public sealed record ReferenceData(
    ReferenceNode Jurisdiction,
    IReadOnlyList<ReferenceStation> Stations,
    IReadOnlyList<ReferenceCommunity> Communities,
    IReadOnlyList<ReferenceGrid> Grids,
    IReadOnlyList<ReferenceUnit> Units);

public sealed record ReferenceNode(string Code, string Name);

public sealed record ReferenceStation(string Code, string Name, double? Lat, double? Lon);

public sealed record ReferenceCommunity(string Code, string Name, string StationCode);

/// <summary>A grid with its outline as [lon, lat] pairs (closed ring, GeoJSON order).</summary>
public sealed record ReferenceGrid(string Code, string Name, string CommunityCode, string StationCode, IReadOnlyList<double[]> Ring);

public sealed record ReferenceUnit(string Code, string Name, string Kind, string StationCode);
