using Dashboard.Core.Jurisdictions;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

/// <summary>Moving over a township-sized area, where a flat local approximation is accurate to centimetres.</summary>
internal static class GeoStep
{
    private const double MetersPerDegreeLat = 111_320;

    public static double Meters(LatLon from, LatLon to) => GeoDistance.Meters(from.Lat, from.Lon, to.Lat, to.Lon);

    /// <summary>Compass bearing in degrees, 0 = north, clockwise, in [0, 360).</summary>
    public static double Bearing(LatLon from, LatLon to)
    {
        var north = (to.Lat - from.Lat) * MetersPerDegreeLat;
        var east = (to.Lon - from.Lon) * MetersPerDegreeLat * Math.Cos(double.DegreesToRadians(from.Lat));
        var degrees = double.RadiansToDegrees(Math.Atan2(east, north));
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /// <summary>Where a traveller ends up after covering <paramref name="meters"/> toward the target, never overshooting it.</summary>
    public static LatLon Toward(LatLon from, LatLon to, double meters)
    {
        var remaining = Meters(from, to);
        if (remaining <= meters || remaining == 0) return to;
        var fraction = meters / remaining;
        return new LatLon(from.Lat + (to.Lat - from.Lat) * fraction, from.Lon + (to.Lon - from.Lon) * fraction);
    }
}
