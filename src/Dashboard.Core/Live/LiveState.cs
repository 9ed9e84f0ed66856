using System.Collections.Concurrent;
using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Live;

/// <summary>
/// The live picture, held once per server and fed by the bus: units, recent alarms and the headline figures. Screens read
/// it and subscribe to coalesced change notifications; a circuit keeps only its own view state.
/// </summary>
public sealed class LiveState : IDisposable
{
    private static readonly TimeSpan FiguresTtl = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan OfflineSweep = TimeSpan.FromSeconds(30);

    private readonly ILiveBus _bus;
    private readonly IDbContextFactory<DashboardDbContext> _dbFactory;
    private readonly KpiQueries _kpis;
    private readonly LocalCalendar _calendar;
    private readonly TimeProvider _clock;
    private readonly ChangeNotifier _notifier;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Task<KpiSnapshot> Figures)> _figures = new();
    private readonly List<IDisposable> _subscriptions = [];
    private ITimer? _sweep;
    private long _lastDataTicks;

    public LiveState(ILiveBus bus, IDbContextFactory<DashboardDbContext> dbFactory, KpiQueries kpis, LocalCalendar calendar, TimeProvider clock)
    {
        (_bus, _dbFactory, _kpis, _calendar, _clock) = (bus, dbFactory, kpis, calendar, clock);
        _notifier = new ChangeNotifier(clock);
    }

    public UnitBoard Units { get; } = new();
    public RecentAlarms Alarms { get; } = new();

    /// <summary>When the last alarm, status or position arrived; null until something does.</summary>
    public DateTimeOffset? LastDataAt => Interlocked.Read(ref _lastDataTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public IDisposable Subscribe(Action<LiveChange> handler) => _notifier.Subscribe(handler);

    /// <summary>Each committed change to a case, as it happens (not coalesced): for notices to the people it concerns.</summary>
    public IDisposable SubscribeCaseChanges(Action<Disputes.DisputeChanged> handler) => _bus.Subscribe(handler);

    /// <summary>Each warning issued, repeated or moved along its loop, as it happens: for the toast to the people it is sent to.</summary>
    public IDisposable SubscribeWarningChanges(Action<Warnings.WarningChanged> handler) => _bus.Subscribe(handler);

    /// <summary>Subscribes to the bus first, then loads what the database holds, so nothing falls between the two.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        _subscriptions.Add(_bus.Subscribe<AlarmsReceived>(e => { foreach (var a in e.Alarms) OnAlarm(a); }));
        _subscriptions.Add(_bus.Subscribe<AlarmStatusChanged>(e => OnAlarm(e.Alarm)));
        _subscriptions.Add(_bus.Subscribe<UnitStatusChanged>(e => { Units.SetStatus(e.UnitCode, e.Status); Touch(LiveChange.Units); }));
        _subscriptions.Add(_bus.Subscribe<PositionsMoved>(e => { foreach (var u in e.Units) Units.Move(u); Touch(LiveChange.Units); }));
        // A case changing is the centre's own work, not data from upstream: it refreshes screens but not "数据更新于".
        _subscriptions.Add(_bus.Subscribe<Disputes.DisputeChanged>(_ => _notifier.Mark(LiveChange.Disputes | LiveChange.Figures)));
        _subscriptions.Add(_bus.Subscribe<Warnings.WarningChanged>(_ => _notifier.Mark(LiveChange.Warnings | LiveChange.Figures)));

        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var now = _clock.GetUtcNow();
        var units = await db.Units.AsNoTracking()
            .GroupJoin(db.UnitPositions, u => u.Id, p => p.UnitId, (u, p) => new { u, p }).SelectMany(x => x.p.DefaultIfEmpty(), (x, p) => new { x.u, p })
            .ToListAsync(ct);
        Units.Load(units.Select(x => new UnitState(x.u.Code, x.u.Name, x.u.Kind, x.u.StationCode, x.u.JurisdictionPath,
            x.u.EffectiveStatus(x.p?.At, now), x.p?.Lat, x.p?.Lon, x.p?.Heading, x.p?.SpeedKmh, x.p?.At, 0)));
        var since = now.AddDays(-1);
        var alarms = await db.Alarms.AsNoTracking().Where(a => a.ReceivedAt >= since).OrderByDescending(a => a.ReceivedAt)
            .Take(RecentAlarms.Capacity).ToListAsync(ct);
        Alarms.Load(alarms.Select(AlarmSnapshot.Of));
        _sweep = _clock.CreateTimer(_ => { if (Units.SweepOffline(_clock.GetUtcNow())) _notifier.Mark(LiveChange.Units); }, null, OfflineSweep, OfflineSweep);
    }

    /// <summary>Today so far against yesterday up to the same time and the same day last year; recomputed at most every 5 s per scope.</summary>
    public Task<KpiSnapshot> TodayAsync(JurisdictionScope scope)
    {
        var now = _clock.GetUtcNow();
        var entry = _figures.AddOrUpdate(scope.Path,
            _ => (now, Compute(scope, now)),
            (_, cached) => now - cached.At > FiguresTtl || cached.Figures.IsFaulted ? (now, Compute(scope, now)) : cached);
        return entry.Figures;
    }

    /// <summary>Counts the figures read were recounted after the fact (the case buckets): the next read recomputes them.</summary>
    public void FiguresChanged()
    {
        _figures.Clear();
        _notifier.Mark(LiveChange.Figures);
    }

    private Task<KpiSnapshot> Compute(JurisdictionScope scope, DateTimeOffset now)
    {
        var (start, end) = _calendar.DayOf(now);
        return _kpis.ComputeAsync(scope, new Period(start, end).Until(now));
    }

    private void OnAlarm(AlarmSnapshot alarm)
    {
        Alarms.Upsert(alarm);
        Touch(LiveChange.Alarms | LiveChange.Figures);
    }

    private void Touch(LiveChange change)
    {
        Interlocked.Exchange(ref _lastDataTicks, _clock.GetUtcNow().UtcTicks);
        _notifier.Mark(change);
    }

    public void Dispose()
    {
        _sweep?.Dispose();
        _notifier.Dispose();
        _subscriptions.ForEach(s => s.Dispose());
    }
}
