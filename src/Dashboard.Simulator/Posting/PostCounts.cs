using Microsoft.Extensions.Logging;

namespace Dashboard.Simulator.Posting;

/// <summary>What was posted in the current minute, logged once a minute so the console stays readable.</summary>
internal sealed class PostCounts(ILogger logger)
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private DateTimeOffset? _periodStart;

    public int Alarms { get; set; }
    public int Events { get; set; }
    public int Positions { get; set; }
    public int FailedRequests { get; set; }
    public int Dropped { get; set; }

    public void LogIfDue(DateTimeOffset now)
    {
        _periodStart ??= now;
        if (now - _periodStart < Period) return;
        logger.LogInformation(
            "Last minute: posted {Alarms} alarms, {Events} events, {Positions} positions; {Failed} failed requests, {Dropped} items dropped",
            Alarms, Events, Positions, FailedRequests, Dropped);
        Alarms = Events = Positions = FailedRequests = Dropped = 0;
        _periodStart = now;
    }
}
