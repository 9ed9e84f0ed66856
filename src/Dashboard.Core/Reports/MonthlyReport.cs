using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Reports;

/// <summary>
/// The archived report of one (month, jurisdiction): its content as figures, and who built it when. The documents are
/// rendered from the content on download, so the Word and Excel files always say the same thing.
/// </summary>
public sealed class MonthlyReport : IJurisdictionScoped
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public long Id { get; set; }
    public required string Month { get; set; }
    public required string JurisdictionCode { get; set; }
    public required string JurisdictionName { get; set; }
    public required string JurisdictionPath { get; set; }
    public required string ContentJson { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    public required string GeneratedBy { get; set; }
    /// <summary>1 for the first build, one more for every regeneration.</summary>
    public int Revision { get; set; } = 1;

    public MonthlyReportContent Content => JsonSerializer.Deserialize<MonthlyReportContent>(ContentJson, Json)!;

    public static string Serialize(MonthlyReportContent content) => JsonSerializer.Serialize(content, Json);
}

internal sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> b)
    {
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.JurisdictionCode).HasMaxLength(32);
        b.Property(x => x.JurisdictionName).HasMaxLength(100);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.GeneratedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.Month, x.JurisdictionCode }).IsUnique();
        b.HasIndex(x => x.JurisdictionPath);
    }
}
