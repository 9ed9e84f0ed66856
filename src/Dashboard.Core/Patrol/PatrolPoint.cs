using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Patrol;

/// <summary>A must-visit patrol point (巡防必到点): a unit inside the radius for the dwell time counts as a check-in.</summary>
public sealed class PatrolPoint : IJurisdictionScoped
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public double RadiusMeters { get; set; } = 50;
    public int DwellSeconds { get; set; } = 120;
    public string? GridCode { get; set; }
    public required string JurisdictionPath { get; set; }
}

internal sealed class PatrolPointConfiguration : IEntityTypeConfiguration<PatrolPoint>
{
    public void Configure(EntityTypeBuilder<PatrolPoint> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.GridCode).HasMaxLength(32);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.HasIndex(x => x.Code).IsUnique();
    }
}
