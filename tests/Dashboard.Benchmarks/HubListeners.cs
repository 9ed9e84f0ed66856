using System.Diagnostics;
using Dashboard.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Benchmarks;

/// <summary>Only the fields the benchmark matches on; the protocol skips the rest of each message.</summary>
public sealed record AlarmStamp(string ExternalId);

public sealed record PositionStamp(DateTimeOffset At);

/// <summary>N SignalR .NET clients on <c>/hubs/live</c>, each timing every message it receives against the send log.</summary>
internal sealed class HubListeners(SendLog log) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private long _alarmsReceived, _positionsReceived;

    public LatencyHistogram AlarmFromSent { get; } = new();
    public LatencyHistogram AlarmFromAccepted { get; } = new();
    public LatencyHistogram PositionFromSent { get; } = new();
    public LatencyHistogram PositionFromAccepted { get; } = new();
    public long AlarmsReceived => Interlocked.Read(ref _alarmsReceived);
    public long PositionsReceived => Interlocked.Read(ref _positionsReceived);
    public int Connected => _connections.Count;

    /// <summary>Connects the clients over MessagePack, with positions packed (or as JSON objects) and alarms a batch a message.</summary>
    public async Task ConnectAsync(Uri baseUrl, string apiKey, int count, bool packed, CancellationToken ct)
    {
        var url = new Uri(baseUrl, "hubs/live?alarms=batched" + (packed ? "&positions=packed" : ""));
        for (var i = 0; i < count; i++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(url, o =>
                {
                    o.Headers["X-Api-Key"] = apiKey;
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .AddMessagePackProtocol()
                .Build();
            connection.On<List<AlarmStamp>>(LiveMessages.Alarms, OnAlarms);
            if (packed) connection.On<byte[]>(LiveMessages.PositionsPacked, OnPackedPositions);
            else connection.On<List<PositionStamp>>(LiveMessages.Positions, OnPositions);
            connection.On<object>(LiveMessages.Stats, _ => { });
            connection.On<object>(LiveMessages.AlarmStatus, _ => { });
            await connection.StartAsync(ct);
            _connections.Add(connection);
        }
    }

    private void OnAlarms(List<AlarmStamp> alarms)
    {
        foreach (var alarm in alarms)
        {
            if (log.FindAlarm(alarm.ExternalId) is not { Measured: true } stamp) continue;
            Interlocked.Increment(ref _alarmsReceived);
            Record(stamp, AlarmFromSent, AlarmFromAccepted, 1);
        }
    }

    private void OnPositions(List<PositionStamp> positions)
    {
        // Every fix of one posted batch carries the batch's time, so the first one identifies the batch.
        if (positions.Count == 0 || log.FindPositionBatch(positions[0].At) is not { Measured: true } stamp) return;
        Interlocked.Add(ref _positionsReceived, positions.Count);
        Record(stamp, PositionFromSent, PositionFromAccepted, 1);
    }

    private void OnPackedPositions(byte[] bytes)
    {
        // Every fix is read, as a screen moving its dots would (in place: no allocation per fix); one batch's fixes all
        // carry its time, and a fix outside the world means the bytes were misread.
        var reader = new PackedPositions.Reader(bytes);
        DateTimeOffset? batchAt = null;
        var fixes = 0;
        while (reader.Next(out var fix))
        {
            if (fix.Code.IsEmpty || Math.Abs(fix.Lat) > 90 || Math.Abs(fix.Lon) > 180) throw new FormatException("misread fix");
            batchAt ??= fix.At;
            fixes++;
        }
        if (batchAt is not { } at || log.FindPositionBatch(at) is not { Measured: true } stamp) return;
        Interlocked.Add(ref _positionsReceived, fixes);
        Record(stamp, PositionFromSent, PositionFromAccepted, 1);
    }

    private static void Record(PostStamp stamp, LatencyHistogram fromSent, LatencyHistogram fromAccepted, long weight)
    {
        var now = Stopwatch.GetTimestamp();
        fromSent.Record(Stopwatch.GetElapsedTime(stamp.Sent, now).TotalMilliseconds, weight);
        var accepted = Volatile.Read(ref stamp.Accepted);
        // Broadcast happens right after commit, so a message may arrive before the HTTP answer: that counts as 0 ms.
        fromAccepted.Record(accepted == 0 ? 0 : Math.Max(0, Stopwatch.GetElapsedTime(accepted, now).TotalMilliseconds), weight);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
        _connections.Clear();
    }
}
