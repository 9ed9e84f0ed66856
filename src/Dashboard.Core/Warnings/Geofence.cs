using Dashboard.Core.Jurisdictions;

namespace Dashboard.Core.Warnings;

public enum GeofenceKind
{
    /// <summary>Units of the listed kinds must stay out (禁行区: heavy vehicles on a village road, near a school).</summary>
    Forbidden,
    /// <summary>The listed units must stay in (巡区): a patrol unit leaving its area is warned.</summary>
    PatrolArea,
}

/// <summary>An electronic fence (电子围栏): a polygon in WGS-84 (WKT, longitude first) and the units it concerns.</summary>
public sealed class Geofence : IJurisdictionScoped
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public GeofenceKind Kind { get; set; }
    /// <summary>For a forbidden zone: the unit kinds kept out, comma-separated (e.g. <c>HeavyVehicle</c>).</summary>
    public string? UnitKinds { get; set; }
    /// <summary>For a patrol area: the units that patrol it, comma-separated codes.</summary>
    public string? UnitCodes { get; set; }
    public required string BoundaryWkt { get; set; }
    public required string JurisdictionPath { get; set; }
    public bool Enabled { get; set; } = true;
}
