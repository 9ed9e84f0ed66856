using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;
using Dashboard.Simulator.Posting;
using Dashboard.Simulator.World;
using Microsoft.Extensions.Logging;

namespace Dashboard.Simulator;

/// <summary>
/// Feeds a dashboard through its public API: fetches the reference data, then every position interval advances the
/// <see cref="SimulationWorld"/> and posts what happened. HTTP trouble — the server down or restarting, a rate limit —
/// is logged and waited out; it never ends the run.
/// </summary>
public sealed class SimulatorEngine(HttpClient http, SimulatorOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(60);

    private readonly DashboardApiClient _client = new(http, options.Url, options.ApiKey);
    private readonly ServerBackoff _backoff = new(logger);
    private readonly PostCounts _counts = new(logger);

    public async Task RunAsync(CancellationToken ct)
    {
        DateTimeOffset? stopAt = options.Duration is { } duration ? time.GetUtcNow() + duration : null;
        try
        {
            if (await FetchReferenceAsync(stopAt, ct) is { } reference)
                await SimulateAsync(CreateWorld(reference), stopAt, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C or host shutdown: a normal way to stop.
        }
        logger.LogInformation("Simulator stopped");
    }

    private SimulationWorld CreateWorld(ReferenceData reference)
    {
        var start = time.GetUtcNow();
        var seed = options.Seed ?? Random.Shared.Next();
        // Seconds since the epoch in base 36: a restart with the same seed still gets fresh external IDs.
        var runId = ToBase36(start.ToUnixTimeSeconds());
        logger.LogInformation(
            "Simulating {Jurisdiction}: {Units} units, {Grids} grids; rate {Rate}, seed {Seed}, run {RunId}",
            reference.Jurisdiction.Name, reference.Units.Count, reference.Grids.Count, options.Rate, seed, runId);
        return new SimulationWorld(reference, start, options.Rate, seed, runId);
    }

    /// <summary>Asks until the server answers with a jurisdiction that has grids; null when the run ends first.</summary>
    private async Task<ReferenceData?> FetchReferenceAsync(DateTimeOffset? stopAt, CancellationToken ct)
    {
        var wait = FirstRetry;
        while (true)
        {
            var (reference, outcome) = await _client.GetReferenceAsync(ct);
            if (reference is { Grids.Count: > 0 }) return reference;
            var reason = reference is null ? outcome.Describe() : "the jurisdiction has no grids yet";
            logger.LogWarning("No usable reference data from {Url} ({Reason}); retrying in {Wait}", options.Url, reason, wait);
            if (stopAt is { } end && time.GetUtcNow() + wait > end) return null;
            await Task.Delay(wait, time, ct);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private async Task SimulateAsync(SimulationWorld world, DateTimeOffset? stopAt, CancellationToken ct)
    {
        var outbox = new Outbox(_client, _counts, logger);
        // A periodic timer keeps the cadence even when posting takes a while; missed ticks are not replayed.
        using var timer = new PeriodicTimer(options.PositionInterval, time);
        do
        {
            var now = time.GetUtcNow();
            var tick = world.Tick(now);
            outbox.Add(tick);
            if (_backoff.IsPaused(now)) _counts.Dropped += tick.Positions.Count;
            else _backoff.Record(await PostAsync(outbox, tick.Positions, ct), now);
            _counts.LogIfDue(now);
            if (stopAt is { } end && now >= end) break;
        } while (await timer.WaitForNextTickAsync(ct));
        if (outbox.Pending > 0) logger.LogWarning("{Pending} alarms and events were never posted", outbox.Pending);
    }

    /// <summary>Alarms and events first, then this tick's positions; returns the answer that decides whether to pause.</summary>
    private async Task<PostOutcome> PostAsync(Outbox outbox, IReadOnlyList<PositionInput> positions, CancellationToken ct)
    {
        var outcome = await outbox.FlushAsync(ct);
        for (var i = 0; i < positions.Count && !outcome.ShouldPause; i += PositionInput.MaxBatch)
        {
            var batch = positions.Skip(i).Take(PositionInput.MaxBatch).ToList();
            outcome = await _client.PostPositionsAsync(batch, ct);
            if (outcome.Status == PostStatus.Accepted) _counts.Positions += batch.Count;
            if (outcome.Status == PostStatus.Rejected || outcome is { Status: PostStatus.Accepted, Detail: not null })
                logger.LogWarning("The server did not take all positions ({Reason})", outcome.Describe());
        }
        if (outcome.Status != PostStatus.Accepted) _counts.FailedRequests++;
        return outcome;
    }

    private static string ToBase36(long value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = "";
        do
        {
            text = Digits[(int)(value % 36)] + text;
            value /= 36;
        } while (value > 0);
        return text;
    }
}
