namespace Dashboard.Benchmarks;

/// <summary>Millisecond buckets filled lock-free from many hub clients; percentiles at the end. Cheap enough to record
/// every received message without the recorder becoming the bottleneck.</summary>
public sealed class LatencyHistogram
{
    private const int MaxMs = 120_000;
    private readonly long[] _buckets = new long[MaxMs + 1];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(double milliseconds, long weight = 1)
    {
        var bucket = (int)Math.Clamp(Math.Ceiling(milliseconds), 0, MaxMs);
        Interlocked.Add(ref _buckets[bucket], weight);
        Interlocked.Add(ref _count, weight);
    }

    public double? Percentile(double p)
    {
        var total = Count;
        if (total == 0) return null;
        var rank = (long)Math.Ceiling(total * p / 100.0);
        long seen = 0;
        for (var ms = 0; ms <= MaxMs; ms++)
            if ((seen += _buckets[ms]) >= rank) return ms;
        return MaxMs;
    }

    public LatencyFigures Figures() => new(Count, Percentile(50), Percentile(95), Percentile(99), Percentile(100));
}

public sealed record LatencyFigures(long Samples, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs);
