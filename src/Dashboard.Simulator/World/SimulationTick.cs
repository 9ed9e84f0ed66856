using Dashboard.Core.Alarms;
using Dashboard.Core.Units;

namespace Dashboard.Simulator.World;

/// <summary>A status event for one alarm, for <c>POST /api/v1/alarms/{externalId}/events</c>.</summary>
public sealed record AlarmEventPost(string ExternalId, AlarmEventInput Event);

/// <summary>What happened since the previous tick, in the order it should be posted: alarms, then events, then positions.</summary>
public sealed record SimulationTick(
    IReadOnlyList<AlarmInput> Alarms, IReadOnlyList<AlarmEventPost> Events, IReadOnlyList<PositionInput> Positions);
