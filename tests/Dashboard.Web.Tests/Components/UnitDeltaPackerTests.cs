using System.Buffers.Binary;
using System.Text;
using Dashboard.Core.Live;
using Dashboard.Core.Units;
using Dashboard.Web.Components.Live;

namespace Dashboard.Web.Tests.Components;

public sealed class UnitDeltaPackerTests
{
    private static UnitState Unit(string code, double? lat, double? lon, double? heading) =>
        new(code, code, UnitKind.FootPatrol, "S001", "/T001/S001/", UnitStatus.Patrolling, lat, lon, heading, 4, DateTimeOffset.UtcNow, 1);

    [Fact]
    public void Units_are_packed_in_the_layout_the_map_reads_and_units_without_a_position_are_left_out()
    {
        var bytes = UnitDeltaPacker.Pack([Unit("巡A01", 31.4512, 120.6201, 359.97), Unit("NOFIX", null, null, null), Unit("U2", 31.5, 120.7, null)]);

        var code = Encoding.UTF8.GetByteCount("巡A01");
        Assert.Equal((1 + code + 12) + (1 + 2 + 12), bytes.Length);
        Assert.Equal(code, bytes[0]);
        Assert.Equal("巡A01", Encoding.UTF8.GetString(bytes, 1, code));
        var at = 1 + code;
        Assert.Equal(31.4512, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at)), 4);
        Assert.Equal(120.6201, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at + 4)), 4);
        Assert.Equal(0, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(at + 8)));
        Assert.Equal((byte)UnitStatus.Patrolling, bytes[at + 10]);
        Assert.Equal((byte)UnitKind.FootPatrol, bytes[at + 11]);
        var second = at + 12;
        Assert.Equal("U2", Encoding.UTF8.GetString(bytes, second + 1, bytes[second]));
        Assert.Equal(-1, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(second + 1 + 2 + 8)));
    }
}
