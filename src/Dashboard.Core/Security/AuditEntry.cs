using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Security;

/// <summary>One line of the append-only audit log: the context refuses to update or delete it.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
    public bool Success { get; set; } = true;
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Actor).HasMaxLength(64);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.Target).HasMaxLength(200);
        b.Property(x => x.Detail).HasMaxLength(4000);
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.Action, x.At });
    }
}

/// <summary>Writes audit entries in their own short transaction, for events that change nothing else (sign-ins, exports).</summary>
public sealed class AuditLog(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock)
{
    public async Task WriteAsync(string actor, string action, string? target = null, string? detail = null,
        string? ipAddress = null, bool success = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = Truncate(actor, 64), Action = action, Target = target, Detail = detail,
            IpAddress = ipAddress, Success = success,
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
