using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Disputes;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.Property(x => x.CaseNumber).HasMaxLength(32);
        b.HasIndex(x => x.CaseNumber).IsUnique();
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.HasIndex(x => x.ExternalId).IsUnique();
        foreach (var p in new[] { nameof(Dispute.Source), nameof(Dispute.Category), nameof(Dispute.Risk), nameof(Dispute.Level), nameof(Dispute.Status), nameof(Dispute.Outcome) })
            b.Property(p).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.GridCode).HasMaxLength(32);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.RegisteredBy).HasMaxLength(64);
        b.Property(x => x.ResponsibleOrg).HasMaxLength(100);
        b.Property(x => x.ResponsiblePerson).HasMaxLength(64);
        b.Property(x => x.LeadOfficial).HasMaxLength(64);
        b.Property(x => x.Result).HasMaxLength(2000);
        b.Property(x => x.ClosedBy).HasMaxLength(64);
        b.Property(x => x.ReturnReason).HasMaxLength(500);
        b.Property(x => x.FollowUpNote).HasMaxLength(500);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.JurisdictionPath, x.Status });
        b.HasIndex(x => x.RegisteredAt);
        b.HasIndex(x => x.ClosedAt);
        b.HasIndex(x => x.AlarmId);
        b.HasMany(x => x.Parties).WithOne().HasForeignKey(x => x.DisputeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Mediations).WithOne().HasForeignKey(x => x.DisputeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.DisputeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisputePartyConfiguration : IEntityTypeConfiguration<DisputeParty>
{
    public void Configure(EntityTypeBuilder<DisputeParty> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.Phone).HasMaxLength(32);
        b.Property(x => x.Role).HasMaxLength(32);
        b.HasIndex(x => x.IdNumber);
    }
}

internal sealed class MediationRecordConfiguration : IEntityTypeConfiguration<MediationRecord>
{
    public void Configure(EntityTypeBuilder<MediationRecord> b)
    {
        b.Property(x => x.Mediator).HasMaxLength(64);
        b.Property(x => x.Agreement).HasMaxLength(2000);
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class DisputeEventConfiguration : IEntityTypeConfiguration<DisputeEvent>
{
    public void Configure(EntityTypeBuilder<DisputeEvent> b)
    {
        b.Property(x => x.Actor).HasMaxLength(64);
        b.Property(x => x.Action).HasMaxLength(32);
        b.Property(x => x.From).HasMaxLength(200);
        b.Property(x => x.To).HasMaxLength(200);
        b.Property(x => x.Detail).HasMaxLength(2000);
    }
}
