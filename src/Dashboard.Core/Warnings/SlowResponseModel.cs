using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>出警超时: an alarm with nobody on scene within the minutes set for its priority; once per alarm.</summary>
public sealed class SlowResponseModel : IScheduledModel
{
    public string Code => ModelCodes.SlowResponse;

    public async Task<IReadOnlyList<WarningFiring>> ScanAsync(DashboardDbContext db, WarningModel settings, DateTimeOffset now, CancellationToken ct)
    {
        var p = settings.Read<SlowResponseParameters>();
        var since = (now - TimeSpan.FromHours(p.LookbackHours)).ToUniversalTime();
        // Only alarms older than the shortest limit can be late: under a flood the fresh ones are most of the table.
        var shortest = new[] { p.Priority1Minutes, p.Priority2Minutes, p.Priority3Minutes, p.Priority4Minutes }.Min();
        var latest = (now - TimeSpan.FromMinutes(shortest)).ToUniversalTime();
        var alarms = await db.Alarms.AsNoTracking()
            .Where(a => a.ReceivedAt >= since && a.ReceivedAt <= latest && a.ResolvedAt == null && a.ClosedAt == null)
            .Select(a => new { a.ExternalId, a.ReceivedAt, a.OnSceneAt, a.Priority, a.Summary, a.JurisdictionPath, a.GridCode, a.Lat, a.Lon })
            .ToListAsync(ct);
        return alarms
            .Select(a => (Alarm: a, Limit: a.ReceivedAt + TimeSpan.FromMinutes(p.MinutesFor(a.Priority))))
            .Where(x => x.Limit <= now && (x.Alarm.OnSceneAt is null || x.Alarm.OnSceneAt > x.Limit))
            .Select(x => new WarningFiring(Code, $"alarm:{x.Alarm.ExternalId}", x.Alarm.Summary.Length > 200 ? x.Alarm.Summary[..200] : x.Alarm.Summary,
                x.Alarm.JurisdictionPath, [new EvidenceItem(EvidenceItem.Alarm, x.Alarm.ExternalId, x.Alarm.ReceivedAt, $"P{x.Alarm.Priority}")],
                OncePerSubject: true, GridCode: x.Alarm.GridCode, Lat: x.Alarm.Lat, Lon: x.Alarm.Lon))
            .ToList();
    }
}
