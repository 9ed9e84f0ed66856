using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Warnings;

internal sealed class WarningModelConfiguration : IEntityTypeConfiguration<WarningModel>
{
    public void Configure(EntityTypeBuilder<WarningModel> b)
    {
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.ParametersJson).HasMaxLength(4000);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.NotifyRoles).HasMaxLength(200);
        b.Ignore(x => x.NotifyRoleList);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> b)
    {
        b.Property(x => x.ModelCode).HasMaxLength(64);
        b.Property(x => x.SubjectKey).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.GridCode).HasMaxLength(32);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SignedForBy).HasMaxLength(64);
        b.Property(x => x.FeedbackBy).HasMaxLength(64);
        b.Property(x => x.VerifiedBy).HasMaxLength(64);
        b.Property(x => x.ClosedBy).HasMaxLength(64);
        b.Property(x => x.EscalatedTo).HasMaxLength(200);
        b.Property(x => x.Feedback).HasMaxLength(2000);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.ModelCode, x.SubjectKey, x.State });
        b.HasIndex(x => new { x.JurisdictionPath, x.State });
        b.HasIndex(x => x.IssuedAt);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.WarningId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.WarningId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WarningEvidenceConfiguration : IEntityTypeConfiguration<WarningEvidence>
{
    public void Configure(EntityTypeBuilder<WarningEvidence> b)
    {
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Reference).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.Kind, x.Reference });
    }
}

internal sealed class WarningStepConfiguration : IEntityTypeConfiguration<WarningStep>
{
    public void Configure(EntityTypeBuilder<WarningStep> b)
    {
        b.Property(x => x.Actor).HasMaxLength(64);
        b.Property(x => x.Action).HasMaxLength(32);
        b.Property(x => x.Detail).HasMaxLength(2000);
    }
}

internal sealed class WarningSilenceConfiguration : IEntityTypeConfiguration<WarningSilence>
{
    public void Configure(EntityTypeBuilder<WarningSilence> b)
    {
        b.Property(x => x.ModelCode).HasMaxLength(64);
        b.Property(x => x.SubjectKey).HasMaxLength(200);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(64);
        b.Property(x => x.LiftedBy).HasMaxLength(64);
        b.HasIndex(x => new { x.ModelCode, x.ExpiresAt });
    }
}

internal sealed class HouseholdMarkConfiguration : IEntityTypeConfiguration<HouseholdMark>
{
    public void Configure(EntityTypeBuilder<HouseholdMark> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Reference).HasMaxLength(64);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.HasIndex(x => new { x.Key, x.At });
        b.HasIndex(x => new { x.Kind, x.Reference });
    }
}

internal sealed class GeofenceConfiguration : IEntityTypeConfiguration<Geofence>
{
    public void Configure(EntityTypeBuilder<Geofence> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.UnitKinds).HasMaxLength(200);
        b.Property(x => x.UnitCodes).HasMaxLength(2000);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.HasIndex(x => x.Code).IsUnique();
    }
}
