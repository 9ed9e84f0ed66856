using Dashboard.Core.Alarms;
using Dashboard.Core.Live;
using Dashboard.Core.Units;

namespace Dashboard.Benchmarks.Bare;

// The same shapes as the app's hub messages (Dashboard.Web.Hubs.LiveMessages), so both hubs serialize the same bytes' worth.
public sealed record BareLocation(double Lat, double Lon);

public sealed record BareAlarmMessage(
    string ExternalId, DateTimeOffset ReceivedAt, string Category, string? Subcategory, int Priority, string Summary,
    string? Address, BareLocation? Location, string? GridCode, string? StationCode, string Status)
{
    public static BareAlarmMessage Of(AlarmInput a) => new(a.ExternalId!, a.ReceivedAt!.Value, a.Category!, a.Subcategory, a.Priority ?? 3,
        a.Summary!, a.Address, a.Location is { Lat: { } lat, Lon: { } lon } ? new BareLocation(lat, lon) : null, null, a.StationCode, "Received");
}

public sealed record BarePositionMessage(string UnitCode, DateTimeOffset At, double Lat, double Lon, double? SpeedKmh, double? Heading, string Status)
{
    public static BarePositionMessage Of(PositionInput p) =>
        new(p.UnitCode!, p.At!.Value.ToUniversalTime(), p.Lat!.Value, p.Lon!.Value, p.SpeedKmh, p.Heading, "Patrolling");

    public static UnitMoved Moved(PositionInput p) =>
        new(p.UnitCode!, UnitKind.PatrolCar, UnitStatus.Patrolling, p.At!.Value.ToUniversalTime(), p.Lat!.Value, p.Lon!.Value, p.SpeedKmh, p.Heading, "/");
}
