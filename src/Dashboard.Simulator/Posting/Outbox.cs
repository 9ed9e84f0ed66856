using Dashboard.Core.Alarms;
using Dashboard.Simulator.World;
using Microsoft.Extensions.Logging;

namespace Dashboard.Simulator.Posting;

/// <summary>
/// Alarms and status events waiting to be posted. They survive a rate limit or a server restart and go out in order —
/// alarms before the events that refer to them. Positions are not kept: the next fix supersedes a lost one.
/// </summary>
internal sealed class Outbox(DashboardApiClient client, PostCounts counts, ILogger logger)
{
    /// <summary>Beyond this backlog (a server down for days at a high rate) the oldest items go, to bound memory.</summary>
    public const int Capacity = 100_000;

    private readonly Queue<AlarmInput> _alarms = new();
    private readonly Queue<AlarmEventPost> _events = new();

    public int Pending => _alarms.Count + _events.Count;

    public void Add(SimulationTick tick)
    {
        foreach (var alarm in tick.Alarms) Enqueue(_alarms, alarm);
        foreach (var statusEvent in tick.Events) Enqueue(_events, statusEvent);
    }

    /// <summary>Posts what is waiting; stops at the first answer that says to pause, and returns it.</summary>
    public async Task<PostOutcome> FlushAsync(CancellationToken ct)
    {
        while (_alarms.Count > 0)
        {
            var batch = _alarms.Take(AlarmInput.MaxBatch).ToList();
            var outcome = await client.PostAlarmsAsync(batch, ct);
            if (outcome.ShouldPause) return outcome;
            for (var i = 0; i < batch.Count; i++) _alarms.Dequeue();
            if (Delivered(outcome, "alarms")) counts.Alarms += batch.Count;
        }
        while (_events.Count > 0)
        {
            var outcome = await client.PostEventAsync(_events.Peek(), ct);
            if (outcome.ShouldPause) return outcome;
            _events.Dequeue();
            if (Delivered(outcome, "an alarm event")) counts.Events++;
        }
        return new PostOutcome(PostStatus.Accepted);
    }

    /// <summary>A rejected request is dropped, since sending it again cannot help, but it is worth a warning.</summary>
    private bool Delivered(PostOutcome outcome, string what)
    {
        if (outcome.Status == PostStatus.Rejected)
        {
            counts.FailedRequests++;
            logger.LogWarning("The server rejected {What} ({Reason})", what, outcome.Describe());
            return false;
        }
        if (outcome.Detail is not null) logger.LogWarning("The server accepted {What} with problems: {Detail}", what, outcome.Detail);
        return true;
    }

    private void Enqueue<T>(Queue<T> queue, T item)
    {
        if (queue.Count >= Capacity)
        {
            queue.Dequeue();
            counts.Dropped++;
        }
        queue.Enqueue(item);
    }
}
