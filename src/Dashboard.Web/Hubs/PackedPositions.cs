using System.Buffers.Binary;
using System.Text;
using Dashboard.Core.Live;
using Dashboard.Core.Units;

namespace Dashboard.Web.Hubs;

/// <summary>One fix as <see cref="PackedPositions"/> carries it.</summary>
public sealed record PackedPosition(string UnitCode, DateTimeOffset At, double Lat, double Lon, double? SpeedKmh, double? Heading, UnitStatus Status);

/// <summary>
/// The <c>positionsPacked</c> hub message: a batch of fixes as bytes, ~24 a unit instead of ~150 as JSON objects, for
/// screens that follow thousands of units (a JSON client gets it base64-encoded, a MessagePack client as binary).
/// Little-endian: version (1 byte, = 1), count (int32), base time (int64 Unix milliseconds); then per fix: code length
/// (1 byte) and code (UTF-8), time after the base in ms (uint32), latitude and longitude in millionths of a degree (int32
/// each, WGS-84), speed in tenths of km/h (uint16, 0xFFFF unknown), heading in tenths of a degree (int16, −1 unknown),
/// status (1 byte: 1 在岗, 2 备勤, 3 巡逻, 4 出警, 5 到场, 6 离线).
/// </summary>
public static class PackedPositions
{
    public const byte Version = 1;
    private const int HeaderBytes = 1 + 4 + 8;
    private const int FixedBytes = 1 + 4 + 4 + 4 + 2 + 2 + 1;
    private const int MaxCodeBytes = 255;

    public static byte[] Pack(IReadOnlyList<UnitMoved> units)
    {
        var packable = units.Where(u => Encoding.UTF8.GetByteCount(u.UnitCode) is > 0 and <= MaxCodeBytes).ToList();
        var baseTime = packable.Count == 0 ? 0 : packable.Min(u => u.At.ToUnixTimeMilliseconds());
        var bytes = new byte[HeaderBytes + packable.Sum(u => FixedBytes + Encoding.UTF8.GetByteCount(u.UnitCode))];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), packable.Count);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(5), baseTime);
        var at = HeaderBytes;
        foreach (var u in packable)
        {
            var length = Encoding.UTF8.GetBytes(u.UnitCode, bytes.AsSpan(at + 1));
            bytes[at] = (byte)length;
            var span = bytes.AsSpan(at + 1 + length);
            BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)Math.Min(uint.MaxValue, u.At.ToUnixTimeMilliseconds() - baseTime));
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], (int)Math.Round(u.Lat * 1e6));
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], (int)Math.Round(u.Lon * 1e6));
            BinaryPrimitives.WriteUInt16LittleEndian(span[12..], u.SpeedKmh is { } s && double.IsFinite(s) && s >= 0 ? (ushort)Math.Min(0xFFFE, Math.Round(s * 10)) : (ushort)0xFFFF);
            BinaryPrimitives.WriteInt16LittleEndian(span[14..], u.Heading is { } h && double.IsFinite(h) ? (short)(Math.Round((h % 360 + 360) % 360 * 10) % 3600) : (short)-1);
            span[16] = (byte)u.Status;
            at += 1 + length + FixedBytes - 1;
        }
        return bytes;
    }

    /// <summary>Reads a message back; throws <see cref="FormatException"/> on bytes that are not one.</summary>
    public static IReadOnlyList<PackedPosition> Unpack(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        var fixes = new List<PackedPosition>(Math.Clamp(reader.Count, 0, bytes.Length / FixedBytes));
        while (reader.Next(out var fix))
            fixes.Add(new PackedPosition(Encoding.UTF8.GetString(fix.Code), fix.At, fix.Lat, fix.Lon, fix.SpeedKmh, fix.Heading, fix.Status));
        return fixes;
    }

    /// <summary>One fix in place, its code still UTF-8 bytes: a screen updating thousands of dots allocates nothing per fix.</summary>
    public readonly ref struct Fix(ReadOnlySpan<byte> code, long atMs, int latE6, int lonE6, ushort speed, short heading, byte status)
    {
        public ReadOnlySpan<byte> Code { get; } = code;
        public DateTimeOffset At => DateTimeOffset.FromUnixTimeMilliseconds(atMs);
        public double Lat => latE6 / 1e6;
        public double Lon => lonE6 / 1e6;
        public double? SpeedKmh => speed == 0xFFFF ? null : speed / 10.0;
        public double? Heading => heading < 0 ? null : heading / 10.0;
        public UnitStatus Status => (UnitStatus)status;
    }

    /// <summary>Walks a message fix by fix; throws <see cref="FormatException"/> on bytes that are not one.</summary>
    public ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private readonly long _baseTime;
        private int _at, _read;

        public Reader(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length < HeaderBytes || bytes[0] != Version) throw new FormatException("not a version 1 positions message");
            _bytes = bytes;
            Count = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
            _baseTime = BinaryPrimitives.ReadInt64LittleEndian(bytes[5..]);
            _at = HeaderBytes;
        }

        /// <summary>How many fixes the header announces.</summary>
        public int Count { get; }

        public bool Next(out Fix fix)
        {
            if (_read >= Count) { fix = default; return false; }
            if (_at >= _bytes.Length || _at + FixedBytes + _bytes[_at] > _bytes.Length) throw new FormatException($"fix {_read} runs past the end");
            var length = _bytes[_at];
            var span = _bytes[(_at + 1 + length)..];
            fix = new Fix(_bytes.Slice(_at + 1, length), _baseTime + BinaryPrimitives.ReadUInt32LittleEndian(span),
                BinaryPrimitives.ReadInt32LittleEndian(span[4..]), BinaryPrimitives.ReadInt32LittleEndian(span[8..]),
                BinaryPrimitives.ReadUInt16LittleEndian(span[12..]), BinaryPrimitives.ReadInt16LittleEndian(span[14..]), span[16]);
            _at += 1 + length + FixedBytes - 1;
            _read++;
            return true;
        }
    }
}
