using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dashboard.Core.Statistics;

/// <summary>A grid polygon's area in km² and its outline, from the WKT it is stored as (WGS-84, lon lat).</summary>
public static class GridShape
{
    private const double EarthRadiusKm = 6371.0088;
    private const double KmPerDegree = EarthRadiusKm * Math.PI / 180;

    /// <summary>
    /// Equirectangular projection at the polygon's own latitude: a degree of latitude is ~111 km everywhere, a degree of
    /// longitude that times cos(latitude). Exact enough for a grid a few km across; the planar area in degrees² scales
    /// by the same two factors.
    /// </summary>
    public static double AreaKm2(Geometry polygon) =>
        polygon.IsEmpty ? 0 : polygon.Area * KmPerDegree * KmPerDegree * Math.Cos(polygon.Centroid.Y * Math.PI / 180);

    public static Geometry Read(string wkt) => new WKTReader().Read(wkt);

    /// <summary>The outer ring of the largest part, as [lon, lat] pairs, closed.</summary>
    public static IReadOnlyList<double[]> Outline(Geometry geometry)
    {
        var largest = Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<Polygon>()
            .OrderByDescending(p => p.Area).FirstOrDefault();
        return largest?.ExteriorRing.Coordinates.Select(c => new[] { c.X, c.Y }).ToList() ?? [];
    }
}
