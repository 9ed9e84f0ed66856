namespace Dashboard.Benchmarks;

public sealed record Throughput(double PositionsPerSecond, double AlarmsPerSecond);

/// <summary>One server's figures over the measured window.</summary>
public sealed record IngestRun(
    string Server,
    double WindowSeconds,
    int ClientsConnected,
    Throughput Accepted,
    Throughput? Durable,
    Throughput DeliveredPerClient,
    double PositionDeliveryRatio,
    double AlarmDeliveryRatio,
    LatencyFigures AlarmLatencyFromAccepted,
    LatencyFigures AlarmLatencyFromSent,
    LatencyFigures PositionLatencyFromAccepted,
    LatencyFigures PositionLatencyFromSent,
    double ServerCpuCores,
    double LoadCpuCores,
    double ServerPeakRssMb,
    long FailedPosts,
    long BatchesWithProblems);

public sealed record IngestReport(
    string Machine,
    DateTimeOffset RunAt,
    BenchOptions Options,
    IngestRun App,
    IngestRun Bare,
    double? PositionsDeliveredVsBare,
    double? AlarmsDeliveredVsBare,
    IReadOnlyList<TargetCheck> Targets);

public sealed record TargetCheck(string What, string Target, double? Measured, bool Met);
