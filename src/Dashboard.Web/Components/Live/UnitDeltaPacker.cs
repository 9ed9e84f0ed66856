using System.Buffers.Binary;
using System.Collections;
using System.Text;
using Dashboard.Core.Live;

namespace Dashboard.Web.Components.Live;

/// <summary>
/// Packs unit deltas for one map as bytes, which Blazor sends as a binary frame (a Uint8Array in the browser) instead of
/// JSON. A unit's code goes to a map once; after that the unit is named by its board slot, so a moving unit costs
/// 13 bytes a push (11 without a heading) and 5,000 of them about 65 KB to send, hold and parse. Per unit, little-endian:
/// slot (uint16); flags (status in bits 0–2, kind in bits 3–5, bit 6 a heading follows, bit 7 the code follows); when
/// flagged, code length (1 byte) and code (UTF-8); lat and lon (float32, ~1 m); when flagged, heading in tenths of a degree
/// (uint16). <c>unit-layer.js</c> reads the same layout.
/// </summary>
public sealed class UnitDeltaPacker
{
    private const int MaxCodeBytes = 64;
    private const int FixedBytes = 2 + 1 + 4 + 4;
    private const byte HeadingFollows = 0x40;
    private const byte CodeFollows = 0x80;

    // Slots whose code this map has been sent.
    private readonly BitArray _codeSent = new(0);

    public byte[] Pack(IReadOnlyList<UnitState> units)
    {
        var size = 0;
        foreach (var u in units)
        {
            if (!Packable(u)) continue;
            size += FixedBytes + (Heading(u) is null ? 0 : 2) + (CodeSent(u.Slot) ? 0 : 1 + Encoding.UTF8.GetByteCount(u.Code));
        }
        var bytes = new byte[size];
        var at = 0;
        foreach (var u in units)
        {
            if (!Packable(u)) continue;
            var heading = Heading(u);
            var withCode = !CodeSent(u.Slot);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), (ushort)u.Slot);
            bytes[at + 2] = (byte)((int)u.Status | (int)u.Kind << 3 | (heading is null ? 0 : HeadingFollows) | (withCode ? CodeFollows : 0));
            at += 3;
            if (withCode)
            {
                var length = Encoding.UTF8.GetBytes(u.Code, bytes.AsSpan(at + 1));
                bytes[at] = (byte)length;
                at += 1 + length;
                MarkCodeSent(u.Slot);
            }
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), (float)u.Lat!.Value);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at + 4), (float)u.Lon!.Value);
            at += 8;
            if (heading is not { } tenths) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), tenths);
            at += 2;
        }
        return bytes;
    }

    private bool CodeSent(int slot) => slot < _codeSent.Length && _codeSent[slot];

    private void MarkCodeSent(int slot)
    {
        if (slot >= _codeSent.Length) _codeSent.Length = Math.Max(slot + 1, _codeSent.Length * 2);
        _codeSent[slot] = true;
    }

    private static ushort? Heading(UnitState u) =>
        u.Heading is { } h && double.IsFinite(h) ? (ushort)(Math.Round((h % 360 + 360) % 360 * 10) % 3600) : null;

    // Status and kind must fit their three bits, the slot its two bytes (far beyond the map's 20,000 units).
    private static bool Packable(UnitState u) =>
        u.Lat is not null && u.Lon is not null && u.Slot is >= 0 and <= ushort.MaxValue
        && (int)u.Status is >= 0 and < 8 && (int)u.Kind is >= 0 and < 8
        && Encoding.UTF8.GetByteCount(u.Code) is > 0 and <= MaxCodeBytes;
}
