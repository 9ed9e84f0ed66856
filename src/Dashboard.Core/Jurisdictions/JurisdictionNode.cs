using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Jurisdictions;

public enum JurisdictionLevel { Township = 1, Station = 2, Community = 3, Grid = 4 }

/// <summary>A node of the jurisdiction tree: township → station → community → grid.</summary>
public sealed class JurisdictionNode
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public JurisdictionLevel Level { get; set; }
    public int? ParentId { get; set; }
    public JurisdictionNode? Parent { get; set; }

    /// <summary>Materialised path of codes, e.g. "/T001/S001/C003/G012/"; scoping is a prefix test on it.</summary>
    public required string Path { get; set; }

    /// <summary>Polygon in WKT (WGS-84, lon lat order); grids always have one.</summary>
    public string? BoundaryWkt { get; set; }

    public double? CenterLat { get; set; }
    public double? CenterLon { get; set; }
    public int Population { get; set; }

    public static string ChildPath(string? parentPath, string code) => (parentPath ?? "/") + code + "/";
}

internal sealed class JurisdictionNodeConfiguration : IEntityTypeConfiguration<JurisdictionNode>
{
    public void Configure(EntityTypeBuilder<JurisdictionNode> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Path).HasMaxLength(200);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Path);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
