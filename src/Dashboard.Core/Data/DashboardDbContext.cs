using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Displays;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Patrol;
using Dashboard.Core.Security;
using Dashboard.Core.Statistics;
using Dashboard.Core.Units;
using Dashboard.Core.Warnings;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Core.Data;

public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options)
    : IdentityDbContext<DashboardUser>(options)
{
    public DbSet<JurisdictionNode> Jurisdictions => Set<JurisdictionNode>();
    public DbSet<Alarm> Alarms => Set<Alarm>();
    public DbSet<AlarmStatusEvent> AlarmEvents => Set<AlarmStatusEvent>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitPosition> UnitPositions => Set<UnitPosition>();
    public DbSet<PositionSample> PositionHistory => Set<PositionSample>();
    public DbSet<PatrolPoint> PatrolPoints => Set<PatrolPoint>();
    public DbSet<PatrolCheckIn> PatrolCheckIns => Set<PatrolCheckIn>();
    public DbSet<Dispute> Disputes => Set<Dispute>();
    public DbSet<Dashboard.Core.Investigations.InvestigationItem> InvestigationItems => Set<Dashboard.Core.Investigations.InvestigationItem>();
    public DbSet<WarningModel> WarningModels => Set<WarningModel>();
    public DbSet<Warning> Warnings => Set<Warning>();
    public DbSet<WarningSilence> WarningSilences => Set<WarningSilence>();
    public DbSet<HouseholdMark> HouseholdMarks => Set<HouseholdMark>();
    public DbSet<Geofence> Geofences => Set<Geofence>();
    public DbSet<AlarmBucket> AlarmBuckets => Set<AlarmBucket>();
    public DbSet<ResponseBucket> ResponseBuckets => Set<ResponseBucket>();
    public DbSet<CaseBucket> CaseBuckets => Set<CaseBucket>();
    public DbSet<Dashboard.Core.Reports.MonthlyReport> MonthlyReports => Set<Dashboard.Core.Reports.MonthlyReport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DisplayToken> DisplayTokens => Set<DisplayToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no date type: stored as sortable integers, times compare and order correctly in SQL.
        if (Database.IsSqlite())
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        GuardAuditLog();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
    }

    /// <summary>Adds an audit entry to this unit of work, so the change and its record commit together.</summary>
    public void Audit(string actor, string action, string? target, string? detail, DateTimeOffset at) =>
        AuditEntries.Add(new AuditEntry { At = at, Actor = actor, Action = action, Target = target, Detail = detail });

    private void GuardAuditLog()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only.");
    }
}
