using System.Diagnostics;
using Dashboard.Simulator.Posting;

namespace Dashboard.Benchmarks;

/// <summary>What the load generator posted and how the server answered.</summary>
internal sealed class PostTally
{
    public long PositionsAccepted, AlarmsAccepted, BatchesWithProblems, FailedPosts;
}

/// <summary>Posts positions and alarms at fixed rates through the simulator's API client. Each stream fires batches on
/// a fixed schedule with a few in flight; a slow server delays later batches, so the achieved rate shows its limit.</summary>
internal sealed class LoadDriver(DashboardApiClient api, BenchWorld world, SendLog log, BenchOptions options)
{
    private const int MaxInFlight = 4;
    private long _lastAtMs;

    public PostTally Warmup { get; } = new();
    public PostTally Measured { get; } = new();

    /// <summary>True while batches count towards the figures; the caller flips it after the warm-up.</summary>
    public volatile bool Measuring;

    public Task RunAsync(CancellationToken stop)
    {
        var positionBatch = PositionBatch(options, world.UnitCount);
        var alarmBatch = AlarmBatch(options);
        return Task.WhenAll(
            options.PositionsPerSecond > 0 ? StreamAsync(positionBatch, options.PositionsPerSecond, k => PostPositionsAsync(k, positionBatch), stop) : Task.CompletedTask,
            options.AlarmsPerSecond > 0 ? StreamAsync(alarmBatch, options.AlarmsPerSecond, _ => PostAlarmsAsync(alarmBatch), stop) : Task.CompletedTask);
    }

    /// <summary>Fixes a position post carries: one per unit, at most the API's 5,000 and a second's worth.</summary>
    public static int PositionBatch(BenchOptions options, int units) => Math.Min(Math.Min(5000, units), options.PositionsPerSecond);

    public static int AlarmBatch(BenchOptions options) => Math.Max(1, Math.Min(options.AlarmBatch, options.AlarmsPerSecond));

    private static async Task StreamAsync(int batch, int perSecond, Func<long, Task> send, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds((double)batch / perSecond);
        using var slots = new SemaphoreSlim(MaxInFlight);
        var inFlight = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        try
        {
            for (long k = 0; !stop.IsCancellationRequested; k++)
            {
                var wait = interval * k - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop);
                await slots.WaitAsync(stop);
                inFlight.Add(SendAndReleaseAsync(send, k, slots));
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) { }
        await Task.WhenAll(inFlight);
    }

    private static async Task SendAndReleaseAsync(Func<long, Task> send, long k, SemaphoreSlim slots)
    {
        try { await send(k); }
        finally { slots.Release(); }
    }

    private async Task PostPositionsAsync(long k, int batch)
    {
        var at = NextBatchTime();
        var stamp = log.PositionBatch(at, Measuring);
        var outcome = await api.PostPositionsAsync(world.Positions(k * batch, batch, at), CancellationToken.None);
        Tally(stamp, outcome, ref TallyOf(stamp).PositionsAccepted, batch);
    }

    private async Task PostAlarmsAsync(int batch)
    {
        var measured = Measuring;
        var alarms = world.Alarms(batch, measured ? "bench-m" : "bench-w", DateTimeOffset.UtcNow);
        var stamps = alarms.Select(a => log.Alarm(a.ExternalId!, measured)).ToList();
        var outcome = await api.PostAlarmsAsync(alarms, CancellationToken.None);
        foreach (var stamp in stamps) if (outcome.Status == PostStatus.Accepted) stamp.MarkAccepted();
        Tally(stamps[0], outcome, ref TallyOf(stamps[0]).AlarmsAccepted, batch);
    }

    private PostTally TallyOf(PostStamp stamp) => stamp.Measured ? Measured : Warmup;

    private void Tally(PostStamp stamp, PostOutcome outcome, ref long accepted, int batch)
    {
        var tally = TallyOf(stamp);
        if (outcome.Status != PostStatus.Accepted)
        {
            Interlocked.Increment(ref tally.FailedPosts);
            if (tally.FailedPosts <= 3) Console.Error.WriteLine("post failed: " + outcome.Describe());
            return;
        }
        stamp.MarkAccepted();
        Interlocked.Add(ref accepted, batch);
        if (outcome.Detail is not null) Interlocked.Increment(ref tally.BatchesWithProblems);
    }

    /// <summary>Each batch gets its own millisecond, so hub messages map back to exactly one POST and no fix is stale.</summary>
    private DateTimeOffset NextBatchTime()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long last, next;
        do { last = Interlocked.Read(ref _lastAtMs); next = Math.Max(now, last + 1); }
        while (Interlocked.CompareExchange(ref _lastAtMs, next, last) != last);
        return DateTimeOffset.FromUnixTimeMilliseconds(next);
    }
}
