namespace Dashboard.Simulator;

/// <summary>How the simulator runs: which server it feeds and how hard.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The dashboard's base URL, e.g. http://localhost:5000.</summary>
    public required Uri Url { get; init; }

    /// <summary>Sent as <c>X-Api-Key</c>; needs the alarms and positions scopes.</summary>
    public required string ApiKey { get; init; }

    /// <summary>Alarm rate multiplier: 1 is a realistic township (~45 calls a day), 0 posts positions only.</summary>
    public double Rate { get; init; } = 1;

    /// <summary>How often every online unit reports its position.</summary>
    public TimeSpan PositionInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Seed for the synthetic world; null draws one, so each run differs.</summary>
    public int? Seed { get; init; }

    /// <summary>Stop after this long; null runs until cancelled.</summary>
    public TimeSpan? Duration { get; init; }
}
