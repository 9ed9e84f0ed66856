using System.Globalization;

namespace Dashboard.Simulator.Posting;

internal enum PostStatus
{
    /// <summary>2xx: the server took it (individual items may still have been rejected; see Detail).</summary>
    Accepted,
    /// <summary>429: over the key's budget; wait for RetryAfter.</summary>
    RateLimited,
    /// <summary>Another 4xx: resending the same request will not help.</summary>
    Rejected,
    /// <summary>5xx, timeout or no connection: the server may be restarting; try again later.</summary>
    Unavailable,
}

internal readonly record struct PostOutcome(PostStatus Status, int? HttpStatus = null, TimeSpan? RetryAfter = null, string? Detail = null)
{
    public bool ShouldPause => Status is PostStatus.RateLimited or PostStatus.Unavailable;

    /// <summary>For log lines: "HTTP 503: …" or the connection error.</summary>
    public string Describe() => HttpStatus is { } status
        ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {Detail ?? Status.ToString()}")
        : Detail ?? Status.ToString();
}
