using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Time;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Core.Tests.Warnings;

/// <summary>
/// A real SQLite database with the two-station tree and the default models, every model wired as in the app, and a clock
/// the test moves. Records go straight into the database, then the engine is told, as the app's triggers do.
/// </summary>
public sealed class WarningScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero); // a Monday, 10:00 in Shanghai
    private readonly TestDatabase _db = new();
    private readonly ErrorLog _errors = new();
    private readonly HouseholdIndex _households;
    private readonly JurisdictionMap _map;
    private int _caseNumber;

    public FakeTimeProvider Clock { get; } = new(T0);
    public List<WarningChanged> Published { get; } = [];
    public WarningEngine Engine { get; }
    public WarningIssuer Issuer { get; }
    public DisputeIntake Intake { get; }
    public WarningWorkflow Workflow { get; }
    public WarningSilences Silences { get; }
    public WarningModelAdmin Admin { get; }

    public WarningScenario()
    {
        var bus = new InProcessLiveBus(NullLogger<InProcessLiveBus>.Instance);
        bus.Subscribe<WarningChanged>(Published.Add);
        _map = new JurisdictionMap(_db);
        Intake = new DisputeIntake(_db, _map, new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), Clock), bus, Clock);
        Workflow = new WarningWorkflow(_db, Intake, bus, Clock);
        Silences = new WarningSilences(_db, Clock);
        var settings = new WarningModelSettings(_db);
        Admin = new WarningModelAdmin(_db, settings, Clock);
        Issuer = new WarningIssuer(_db, bus, Clock, TestDatabase.NewWriteGate());
        _households = new HouseholdIndex(_db, Clock);
        Engine = new WarningEngine(_db, Issuer, settings, _households, [new RepeatedDisputeModel(), new DomesticViolenceModel()],
            [new LongRunningDisputeModel(), new OverdueMediationModel(), new AlarmSurgeModel(), new SlowResponseModel(),
                new MissedPatrolPointModel(new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), Clock))],
            Clock, _errors);
    }

    public static async Task<WarningScenario> StartAsync()
    {
        var scenario = new WarningScenario();
        await scenario._db.SeedTwoStationsAsync();
        await using var db = scenario._db.CreateDbContext();
        await WarningModelDefaults.EnsureAsync(db, default);
        return scenario;
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Stores an alarm received now (unless <paramref name="at"/> says otherwise) in grid G1 of station S1.</summary>
    public async Task<Alarm> StoreAlarmAsync(string externalId, string category = AlarmCategories.Dispute, string? subcategory = "dispute.neighbor",
        string? address = null, string? callerPhone = null, string? partyId = null, bool injury = false, int priority = 3,
        DateTimeOffset? at = null, string grid = "G1")
    {
        await using var db = _db.CreateDbContext();
        var path = grid == "G1" ? "/T/S1/C1/G1/" : "/T/S2/C2/G2/";
        var alarm = new Alarm
        {
            ExternalId = externalId, ReceivedAt = (at ?? Clock.GetUtcNow()).ToUniversalTime(), Category = category, Subcategory = subcategory,
            Priority = priority, Summary = "测试警情", Address = address, CallerPhone = callerPhone, Injury = injury, GridCode = grid,
            StationCode = path.Split('/')[2], JurisdictionPath = path, CreatedAt = Clock.GetUtcNow(), Lat = 0.5, Lon = grid == "G1" ? 0.5 : 1.5,
            Parties = partyId is null ? [] : [new AlarmParty { Name = "张某某", IdNumber = partyId }],
        };
        db.Alarms.Add(alarm);
        await db.SaveChangesAsync();
        return alarm;
    }

    /// <summary>Stores a dispute alarm and lets the engine evaluate it, as the app does once it is committed.</summary>
    public async Task<IReadOnlyList<FiringOutcome>> DisputeAlarmAsync(string externalId, string? address = null, string? callerPhone = null,
        string? partyId = null, string subcategory = "dispute.neighbor", bool injury = false)
    {
        var alarm = await StoreAlarmAsync(externalId, address: address, callerPhone: callerPhone, partyId: partyId, subcategory: subcategory, injury: injury);
        return await Engine.OnAlarmAsync(alarm.Id);
    }

    /// <summary>Stores an open case registered now, routed with the given deadline, and lets the engine evaluate it.</summary>
    public async Task<Dispute> CaseAsync(string? address = null, string? partyPhone = null, RiskColor risk = RiskColor.Yellow,
        DateTimeOffset? deadline = null)
    {
        await using var db = _db.CreateDbContext();
        var now = Clock.GetUtcNow();
        var d = new Dispute
        {
            CaseNumber = $"JF-2026-{++_caseNumber:000000}", Description = "测试纠纷", Address = address, Risk = risk, RegisteredAt = now,
            RegisteredBy = "staff1", JurisdictionPath = "/T/S1/C1/G1/", GridCode = "G1",
            Parties = [new DisputeParty { Name = "李某某", Phone = partyPhone }],
        };
        d.RecordRegistration(now);
        if (deadline is { } due) d.Route("司法所", "张三", null, due, "staff1", now);
        db.Disputes.Add(d);
        await db.SaveChangesAsync();
        await Engine.OnDisputeAsync(d.Id);
        return d;
    }

    /// <summary>Takes an open case through mediation to an approved closure, now.</summary>
    public Task CloseCaseAsync(long disputeId)
    {
        var now = Clock.GetUtcNow();
        return ChangeAsync(async db =>
        {
            var d = await db.Disputes.SingleAsync(x => x.Id == disputeId);
            if (d.Status == DisputeStatus.Registered) d.Route("司法所", "张三", null, now.AddDays(7), "staff1", now);
            d.RecordMediation(new MediationRecord { At = now, Mediator = "张三", Outcome = MediationOutcome.Success }, "张三");
            d.RequestClosure("达成协议", "张三", now);
            d.ApproveClosure("chief1", now);
        });
    }

    public Task<IReadOnlyList<FiringOutcome>> ScanAsync() => Engine.ScanAsync();

    public async Task<List<Warning>> WarningsAsync(string model)
    {
        await using var db = _db.CreateDbContext();
        return await db.Warnings.AsNoTracking().Include(w => w.Evidence).Include(w => w.Steps).Where(w => w.ModelCode == model)
            .OrderBy(w => w.Id).ToListAsync();
    }

    public async Task ChangeAsync(Func<DashboardDbContext, Task> change)
    {
        await using var db = _db.CreateDbContext();
        await change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Walks a warning through its whole loop to Closed.</summary>
    public async Task CloseAsync(long warningId)
    {
        var now = Clock.GetUtcNow();
        await ChangeAsync(async db =>
        {
            var w = await db.Warnings.SingleAsync(x => x.Id == warningId);
            w.SignFor("chief1", now);
            w.GiveFeedback("officer1", "已处置", now);
            w.Verify("chief1", now);
            w.Close("chief1", now);
        });
    }

    public IDbContextFactory<DashboardDbContext> Database => _db;

    public async ValueTask DisposeAsync()
    {
        Issuer.Dispose();
        _households.Dispose();
        _map.Dispose();
        await _db.DisposeAsync();
        // The engine logs a failing model and carries on; in a test that is a failure.
        Assert.True(_errors.Errors.Count == 0, string.Join(Environment.NewLine, _errors.Errors));
    }

    private sealed class ErrorLog : ILogger<WarningEngine>
    {
        public List<string> Errors { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) Errors.Add($"{formatter(state, exception)}: {exception}");
        }
    }
}
