using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Statistics;

public sealed class GridShapeTests
{
    [Fact]
    public void A_degree_square_at_the_equator_is_about_111_km_by_111_km()
    {
        var area = GridShape.AreaKm2(GridShape.Read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"));
        Assert.InRange(area, 12_355, 12_370);
    }

    [Fact]
    public void A_grid_in_the_township_shrinks_east_west_with_the_cosine_of_its_latitude()
    {
        // 0.01° × 0.01° at 31.45° N: 1.112 km north–south, 1.112 × cos(31.45°) = 0.949 km east–west.
        var area = GridShape.AreaKm2(GridShape.Read("POLYGON ((120.61 31.445, 120.62 31.445, 120.62 31.455, 120.61 31.455, 120.61 31.445))"));
        Assert.InRange(area, 1.050, 1.060);
    }

    [Fact]
    public void The_outline_is_the_closed_outer_ring_as_lon_lat_pairs()
    {
        var outline = GridShape.Outline(GridShape.Read("POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0), (0.5 0.2, 0.6 0.2, 0.6 0.3, 0.5 0.2))"));
        Assert.Equal([[0d, 0d], [2d, 0d], [2d, 1d], [0d, 1d], [0d, 0d]], outline);
    }

    [Theory]
    [InlineData("/T001/", "/T001/S001/C003/G012/", "/T001/S001/")]
    [InlineData("/T001/S001/", "/T001/S001/C003/G012/", "/T001/S001/C003/")]
    [InlineData("/T001/S001/", "/T001/S001/", "/T001/S001/")]
    [InlineData("/T001/S001/", "/T001/S002/C001/", null)]
    [InlineData("/T001/S001/", "/T001/S0011/", null)]
    public void A_path_is_counted_under_the_node_one_level_below_the_scope(string ancestor, string path, string? expected) =>
        Assert.Equal(expected, JurisdictionPaths.ChildOf(ancestor, path));
}
