using System.Buffers.Binary;
using System.Text;
using Dashboard.Core.Live;

namespace Dashboard.Web.Components.Live;

/// <summary>
/// Packs unit deltas for the map as bytes, which Blazor sends as a binary frame (a Uint8Array in the browser) instead of
/// JSON: about 20 bytes a unit, so 5,000 moving units cost each wall ~100 KB a push to send, hold and parse. Per unit,
/// little-endian: code length (1 byte), code (UTF-8), lat and lon (float32, ~1 m), heading in tenths of a degree (int16,
/// −1 when unknown), status, kind (1 byte each). <c>unit-layer.js</c> reads the same layout.
/// </summary>
public static class UnitDeltaPacker
{
    private const int MaxCodeBytes = 64;
    private const int FixedBytes = 1 + 4 + 4 + 2 + 1 + 1;

    public static byte[] Pack(IReadOnlyList<UnitState> units)
    {
        var size = 0;
        foreach (var u in units) if (Packable(u)) size += FixedBytes + Encoding.UTF8.GetByteCount(u.Code);
        var bytes = new byte[size];
        var at = 0;
        foreach (var u in units)
        {
            if (!Packable(u)) continue;
            var length = Encoding.UTF8.GetBytes(u.Code, bytes.AsSpan(at + 1));
            bytes[at] = (byte)length;
            at += 1 + length;
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), (float)u.Lat!.Value);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at + 4), (float)u.Lon!.Value);
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(at + 8), u.Heading is { } h && double.IsFinite(h)
                ? (short)(Math.Round((h % 360 + 360) % 360 * 10) % 3600) : (short)-1);
            bytes[at + 10] = (byte)u.Status;
            bytes[at + 11] = (byte)u.Kind;
            at += FixedBytes - 1;
        }
        return bytes;
    }

    private static bool Packable(UnitState u) =>
        u.Lat is not null && u.Lon is not null && Encoding.UTF8.GetByteCount(u.Code) is > 0 and <= MaxCodeBytes;
}
