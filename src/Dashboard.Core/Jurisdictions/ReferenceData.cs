namespace Dashboard.Core.Jurisdictions;

/// <summary>
/// What <c>GET /api/v1/reference</c> tells an upstream system about the jurisdiction: codes to post against, grid
/// outlines, the units whose positions it may report, and the fences and must-visit points those positions are checked
/// against. The last two were added later and may be missing from an older server's answer, hence nullable.
/// </summary>
public sealed record ReferenceData(
    ReferenceNode Jurisdiction,
    IReadOnlyList<ReferenceStation> Stations,
    IReadOnlyList<ReferenceCommunity> Communities,
    IReadOnlyList<ReferenceGrid> Grids,
    IReadOnlyList<ReferenceUnit> Units,
    IReadOnlyList<ReferenceGeofence>? Geofences = null,
    IReadOnlyList<ReferencePatrolPoint>? PatrolPoints = null);

public sealed record ReferenceNode(string Code, string Name);

public sealed record ReferenceStation(string Code, string Name, double? Lat, double? Lon);

public sealed record ReferenceCommunity(string Code, string Name, string StationCode);

/// <summary>A grid with its outline as [lon, lat] pairs (closed ring, GeoJSON order).</summary>
public sealed record ReferenceGrid(string Code, string Name, string CommunityCode, string StationCode, IReadOnlyList<double[]> Ring);

public sealed record ReferenceUnit(string Code, string Name, string Kind, string StationCode);

/// <summary>An enabled electronic fence: <c>Forbidden</c> keeps units of <paramref name="UnitKinds"/> out, <c>PatrolArea</c>
/// keeps the units in <paramref name="UnitCodes"/> in. Outline as [lon, lat] pairs (closed ring, GeoJSON order).</summary>
public sealed record ReferenceGeofence(
    string Code, string Kind, IReadOnlyList<string> UnitKinds, IReadOnlyList<string> UnitCodes, IReadOnlyList<double[]> Ring);

/// <summary>A must-visit point: a unit within the radius for the dwell time checks in; shift windows in local time, e.g.
/// <c>08:00-12:00,19:00-22:00</c>, or null when any time will do.</summary>
public sealed record ReferencePatrolPoint(
    string Code, double Lat, double Lon, double RadiusMeters, int DwellSeconds, string? GridCode, string? ShiftWindows);
