using Microsoft.Extensions.Logging;

namespace Dashboard.Simulator.Posting;

/// <summary>
/// When to talk to the server again after it said to slow down (429, honouring Retry-After) or did not answer
/// (doubling waits up to a minute, since it may be restarting). Logs when posting pauses and when it resumes.
/// </summary>
internal sealed class ServerBackoff(ILogger logger)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    private DateTimeOffset _resumeAt = DateTimeOffset.MinValue;
    private TimeSpan _nextWait = FirstWait;
    private bool _paused;

    public bool IsPaused(DateTimeOffset now) => now < _resumeAt;

    public void Record(PostOutcome outcome, DateTimeOffset now)
    {
        switch (outcome.Status)
        {
            case PostStatus.RateLimited:
                var retryAfter = outcome.RetryAfter is { } r && r > TimeSpan.Zero ? r : DefaultRetryAfter;
                PauseFor(retryAfter, now, "rate-limited", outcome);
                break;
            case PostStatus.Unavailable:
                PauseFor(_nextWait, now, "server unavailable", outcome);
                _nextWait = TimeSpan.FromTicks(Math.Min(_nextWait.Ticks * 2, LongestWait.Ticks));
                break;
            default:
                if (_paused) logger.LogInformation("The server is answering again; posting resumed");
                _paused = false;
                _nextWait = FirstWait;
                break;
        }
    }

    private void PauseFor(TimeSpan wait, DateTimeOffset now, string reason, PostOutcome outcome)
    {
        _resumeAt = now + wait;
        // One warning per outage; the per-minute summary counts the failed attempts that follow.
        if (!_paused) logger.LogWarning("Posting paused for {Wait}: {Reason} ({Detail})", wait, reason, outcome.Describe());
        _paused = true;
    }
}
