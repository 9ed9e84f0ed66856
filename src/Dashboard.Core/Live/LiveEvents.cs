using Dashboard.Core.Alarms;
using Dashboard.Core.Units;

namespace Dashboard.Core.Live;

/// <summary>An alarm as screens see it: no personal data beyond what the summary itself says.</summary>
public sealed record AlarmSnapshot(
    long Id, string ExternalId, DateTimeOffset ReceivedAt, string Category, string? Subcategory, int Priority,
    string Summary, string? Address, double? Lat, double? Lon, AlarmStatus Status, string? GridCode, string? StationCode,
    string JurisdictionPath)
{
    public static AlarmSnapshot Of(Alarm a) => new(a.Id, a.ExternalId, a.ReceivedAt, a.Category, a.Subcategory, a.Priority,
        a.Summary, a.Address, a.Lat, a.Lon, a.Status, a.GridCode, a.StationCode, a.JurisdictionPath);
}

/// <summary>The alarms one batch committed, in the order given: one message a batch, so screens can take them at once.</summary>
public sealed record AlarmsReceived(IReadOnlyList<AlarmSnapshot> Alarms);

public sealed record AlarmStatusChanged(AlarmSnapshot Alarm, AlarmStatus Status, DateTimeOffset At, string? UnitCode);

public sealed record UnitMoved(
    string UnitCode, UnitKind Kind, UnitStatus Status, DateTimeOffset At, double Lat, double Lon, double? SpeedKmh,
    double? Heading, string JurisdictionPath);

public sealed record PositionsMoved(IReadOnlyList<UnitMoved> Units);

public sealed record UnitStatusChanged(string UnitCode, UnitStatus Status, DateTimeOffset At);
