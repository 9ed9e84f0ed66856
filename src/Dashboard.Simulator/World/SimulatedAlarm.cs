using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.World;

internal enum AlarmStage { AwaitingDispatch, EnRoute, OnScene, Resolved }

/// <summary>An alarm's lifecycle in the simulation: who was sent, and when its next stage falls due.</summary>
internal sealed class SimulatedAlarm(string externalId, LatLon location, DateTimeOffset dispatchDueAt)
{
    public string ExternalId => externalId;
    public LatLon Location => location;
    public AlarmStage Stage { get; set; } = AlarmStage.AwaitingDispatch;
    public SimulatedUnit? Unit { get; set; }

    /// <summary>When the current stage ends: dispatch, resolution or closing, depending on <see cref="Stage"/>.</summary>
    public DateTimeOffset DueAt { get; set; } = dispatchDueAt;
}
