using Dashboard.Core.Alarms;
using Dashboard.Core.Validation;

namespace Dashboard.Core.Jurisdictions;

/// <summary>Where a record from outside lands in the tree.</summary>
public sealed record Placement(string? Path, GridLocation? Grid, string? StationCode);

public static class JurisdictionPlacement
{
    /// <summary>
    /// By point-in-polygon when there is a location inside a grid, else by station code, else the sender's own node;
    /// a place outside the sender's scope is an error on the field that put it there.
    /// </summary>
    public static async Task<Placement> PlaceAsync(this JurisdictionMap map, GeoPoint? location, string? stationCode,
        JurisdictionScope scope, FieldErrors errors, CancellationToken ct = default)
    {
        if (location is { Lat: { } lat, Lon: { } lon } && await map.LocateAsync(lat, lon, ct) is { } grid)
        {
            if (!scope.Contains(grid.Path)) errors.Add("location", "lies outside the jurisdiction of this sender");
            return new Placement(grid.Path, grid, grid.StationCode);
        }
        if (stationCode is { } code)
        {
            var node = await map.FindAsync(code, ct);
            if (node is not { Level: JurisdictionLevel.Station }) errors.Add("stationCode", "is not a known station");
            else if (!scope.Contains(node.Path)) errors.Add("stationCode", "lies outside the jurisdiction of this sender");
            return new Placement(node?.Path, null, node?.Code);
        }
        return new Placement(scope.Path, null, null);
    }
}
