using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dashboard.Benchmarks;

/// <summary>When each POST left and was answered (monotonic <see cref="Stopwatch"/> ticks), keyed by what a hub message
/// carries back: an alarm's externalId, or a position batch's shared fix time.</summary>
internal sealed class SendLog
{
    private readonly ConcurrentDictionary<string, PostStamp> _alarms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, PostStamp> _positionBatches = new();

    public PostStamp Alarm(string externalId, bool measured) => _alarms[externalId] = new PostStamp(measured);
    public PostStamp PositionBatch(DateTimeOffset at, bool measured) => _positionBatches[at.ToUnixTimeMilliseconds()] = new PostStamp(measured);

    public PostStamp? FindAlarm(string externalId) => _alarms.GetValueOrDefault(externalId);
    public PostStamp? FindPositionBatch(DateTimeOffset at) => _positionBatches.GetValueOrDefault(at.ToUnixTimeMilliseconds());
}

/// <summary>One posted request. <see cref="Accepted"/> stays 0 until the 2xx answer arrives; a hub message can beat it.</summary>
internal sealed class PostStamp(bool measured)
{
    public bool Measured { get; } = measured;
    public long Sent { get; } = Stopwatch.GetTimestamp();
    public long Accepted;

    public void MarkAccepted() => Volatile.Write(ref Accepted, Stopwatch.GetTimestamp());
}
