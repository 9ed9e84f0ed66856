using System.Buffers.Binary;
using System.Text;
using Dashboard.Core.Live;
using Dashboard.Core.Units;
using Dashboard.Web.Components.Live;

namespace Dashboard.Web.Tests.Components;

public sealed class UnitDeltaPackerTests
{
    private const byte HeadingFollows = 0x40, CodeFollows = 0x80;

    private static UnitState Unit(string code, int slot, double? lat, double? lon, double? heading) =>
        new(code, code, UnitKind.FootPatrol, "S001", "/T001/S001/", UnitStatus.Patrolling, lat, lon, heading, 4, DateTimeOffset.UtcNow, 1)
        { Slot = slot };

    [Fact]
    public void A_unit_code_goes_to_the_map_once_with_its_slot_and_units_without_a_position_are_left_out()
    {
        var packer = new UnitDeltaPacker();
        var bytes = packer.Pack([Unit("巡A01", 7, 31.4512, 120.6201, 359.97), Unit("NOFIX", 8, null, null, null), Unit("U2", 300, 31.5, 120.7, null)]);

        var code = Encoding.UTF8.GetByteCount("巡A01");
        Assert.Equal((3 + 1 + code + 8 + 2) + (3 + 1 + 2 + 8), bytes.Length);
        Assert.Equal(7, BinaryPrimitives.ReadUInt16LittleEndian(bytes));
        Assert.Equal((int)UnitStatus.Patrolling | (int)UnitKind.FootPatrol << 3 | HeadingFollows | CodeFollows, bytes[2]);
        Assert.Equal(code, bytes[3]);
        Assert.Equal("巡A01", Encoding.UTF8.GetString(bytes, 4, code));
        var at = 4 + code;
        Assert.Equal(31.4512, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at)), 4);
        Assert.Equal(120.6201, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at + 4)), 4);
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 8)));

        var second = at + 10;
        Assert.Equal(300, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(second)));
        Assert.Equal(0, bytes[second + 2] & HeadingFollows);
        Assert.Equal("U2", Encoding.UTF8.GetString(bytes, second + 4, bytes[second + 3]));
    }

    [Fact]
    public void A_unit_the_map_was_sent_before_is_named_by_its_slot_alone()
    {
        var packer = new UnitDeltaPacker();
        packer.Pack([Unit("巡A01", 7, 31.45, 120.62, 90)]);

        var again = packer.Pack([Unit("巡A01", 7, 31.46, 120.63, 90)]);

        Assert.Equal(3 + 8 + 2, again.Length);
        Assert.Equal(7, BinaryPrimitives.ReadUInt16LittleEndian(again));
        Assert.Equal(0, again[2] & CodeFollows);
        Assert.Equal(31.46, BinaryPrimitives.ReadSingleLittleEndian(again.AsSpan(3)), 4);
        Assert.Equal(900, BinaryPrimitives.ReadUInt16LittleEndian(again.AsSpan(11)));
    }

    [Fact]
    public void Each_map_keeps_its_own_record_of_the_codes_it_was_sent()
    {
        var wall = new UnitDeltaPacker();
        wall.Pack([Unit("U1", 1, 31.45, 120.62, null)]);

        var desk = new UnitDeltaPacker().Pack([Unit("U1", 1, 31.45, 120.62, null)]);

        Assert.Equal(CodeFollows, desk[2] & CodeFollows);
    }
}
