namespace Dashboard.Web.Components.Live;

/// <summary>
/// <c>Map:*</c> settings. The network is closed: without <see cref="TileUrl"/> the map shows only the jurisdiction's own
/// vector layers. An internal PGIS / 天地图 server goes in TileUrl; <see cref="Gcj02"/> says its tiles use the GCJ-02 offset.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";
    public string? TileUrl { get; set; }
    public string? TileAttribution { get; set; }
    public bool Gcj02 { get; set; }
    public int MinZoom { get; set; } = 10;
    public int MaxZoom { get; set; } = 18;
    public int Zoom { get; set; } = 13;

    /// <summary>What map.js <c>createMap</c> takes: these settings, centred on the jurisdiction.</summary>
    public object ForMap(string theme, (double Lat, double Lon) center) => new
    {
        tileUrl = TileUrl, tileAttribution = TileAttribution, gcj02 = Gcj02, theme,
        center = new[] { center.Lat, center.Lon }, zoom = Zoom, minZoom = MinZoom, maxZoom = MaxZoom,
    };
}
