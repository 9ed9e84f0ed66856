using Dashboard.Core.Alarms;
using Dashboard.Core.Live;
using Dashboard.Core.Statistics;
using Dashboard.Core.Units;
using Dashboard.Core.Warnings;

namespace Dashboard.Web.Hubs;

/// <summary>The messages of <c>/hubs/live</c>, by name and shape; external screens integrate against these.</summary>
public static class LiveMessages
{
    public const string Alarm = "alarm";
    /// <summary>The alarms of one committed batch as a list of <c>alarm</c> messages, for connections opened with <c>?alarms=batched</c>.</summary>
    public const string Alarms = "alarms";
    public const string AlarmStatus = "alarmStatus";
    public const string Positions = "positions";
    /// <summary>Positions as bytes (<see cref="PackedPositions"/>), for connections opened with <c>?positions=packed</c>.</summary>
    public const string PositionsPacked = "positionsPacked";
    public const string Warning = "warning";
    public const string Stats = "stats";
}

public sealed record LocationMessage(double Lat, double Lon);

public sealed record AlarmMessage(
    string ExternalId, DateTimeOffset ReceivedAt, string Category, string? Subcategory, int Priority, string Summary,
    string? Address, LocationMessage? Location, string? GridCode, string? StationCode, AlarmStatus Status)
{
    public static AlarmMessage Of(AlarmSnapshot a) => new(a.ExternalId, a.ReceivedAt, a.Category, a.Subcategory, a.Priority, a.Summary,
        a.Address, a is { Lat: { } lat, Lon: { } lon } ? new LocationMessage(lat, lon) : null, a.GridCode, a.StationCode, a.Status);
}

public sealed record AlarmStatusMessage(string ExternalId, AlarmStatus Status, DateTimeOffset At, string? UnitCode);

public sealed record PositionMessage(string UnitCode, DateTimeOffset At, double Lat, double Lon, double? SpeedKmh, double? Heading, UnitStatus Status)
{
    public static PositionMessage Of(UnitMoved u) => new(u.UnitCode, u.At, u.Lat, u.Lon, u.SpeedKmh, u.Heading, u.Status);
}

/// <summary>
/// A warning issued, repeated or moved along its loop. Evidence names records, never people: alarms by externalId,
/// cases by number.
/// </summary>
public sealed record WarningMessage(
    long Id, string ModelCode, string Subject, string Title, WarningLevel Level, WarningState State, string Action, int Count,
    string JurisdictionPath, string? EscalatedTo, IReadOnlyList<string> Alarms, IReadOnlyList<string> Cases)
{
    public static WarningMessage Of(WarningChanged w) => new(w.Id, w.ModelCode, w.SubjectKey, w.Title, w.Level, w.State, w.Action, w.Count,
        w.JurisdictionPath, w.EscalatedTo,
        w.Evidence.Where(e => e.Kind == EvidenceItem.Alarm).Select(e => e.Reference).ToList(),
        w.Evidence.Where(e => e.Kind == EvidenceItem.Case).Select(e => e.Reference).ToList());
}

public sealed record StatsMessage(DateTimeOffset At, int AlarmsToday, int AlarmsYesterdaySameTime, int AlarmsSameDayLastYear,
    double? ResponseMedianMinutes, double? ResponseP90Minutes, int OpenWarnings, int DisputesOpen, int DisputesOverdue, int DisputesRed)
{
    public static StatsMessage Of(KpiSnapshot k, DateTimeOffset at) => new(at, k.Current, k.Previous, k.LastYear,
        k.ResponseMedianMinutes, k.ResponseP90Minutes, k.OpenWarnings, k.DisputesOpen, k.DisputesOverdue, k.DisputesRed);
}
