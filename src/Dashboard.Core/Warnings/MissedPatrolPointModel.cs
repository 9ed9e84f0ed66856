using Dashboard.Core.Data;
using Dashboard.Core.Patrol;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>
/// 必到点漏巡: a must-visit point with no check-in during a shift window, found once the window has ended; once per point
/// and window.
/// </summary>
public sealed class MissedPatrolPointModel(LocalCalendar calendar) : IScheduledModel
{
    public string Code => ModelCodes.MissedPatrolPoint;

    public async Task<IReadOnlyList<WarningFiring>> ScanAsync(DashboardDbContext db, WarningModel settings, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - TimeSpan.FromHours(settings.Read<MissedPatrolPointParameters>().LookbackHours);
        var points = await db.PatrolPoints.AsNoTracking().Where(p => p.ShiftWindows != null).ToListAsync(ct);
        var windows = points.SelectMany(p => Ended(p, since, now).Select(w => (Point: p, w.Start, w.End))).ToList();
        if (windows.Count == 0) return [];

        var from = windows.Min(w => w.Start).ToUniversalTime();
        var checkIns = (await db.PatrolCheckIns.AsNoTracking().Where(c => c.At >= from).Select(c => new { c.PointCode, c.At }).ToListAsync(ct))
            .ToLookup(c => c.PointCode, c => c.At);
        return windows.Where(w => !checkIns[w.Point.Code].Any(at => at >= w.Start && at <= w.End))
            .Select(w => new WarningFiring(Code, $"point:{w.Point.Code}:{w.Start:yyyyMMddHHmm}", w.Point.Name, w.Point.JurisdictionPath,
                [new EvidenceItem(EvidenceItem.Point, w.Point.Code, w.End,
                    $"{calendar.ToLocal(w.Start):MM-dd HH:mm}–{calendar.ToLocal(w.End):HH:mm}")],
                OncePerSubject: true, GridCode: w.Point.GridCode, Lat: w.Point.Lat, Lon: w.Point.Lon))
            .ToList();
    }

    // Windows that ended within the look-back: those starting today, yesterday or the day before (local dates).
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Ended(PatrolPoint point, DateTimeOffset since, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(calendar.ToLocal(now).DateTime);
        return ShiftWindow.Parse(point.ShiftWindows)
            .SelectMany(w => new[] { today.AddDays(-2), today.AddDays(-1), today }.Select(d => w.On(d, calendar.Zone)))
            .Where(w => w.End <= now && w.End > since);
    }
}
