using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Investigations;

internal sealed class InvestigationConfiguration : IEntityTypeConfiguration<InvestigationItem>
{
    public void Configure(EntityTypeBuilder<InvestigationItem> b)
    {
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Category).HasMaxLength(32);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.ResponsibleUnit).HasMaxLength(100);
        b.Property(x => x.ResponsiblePerson).HasMaxLength(64);
        b.Property(x => x.Result).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(64);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.JurisdictionPath, x.Kind, x.Status });
        b.HasIndex(x => x.FoundAt);
    }
}
