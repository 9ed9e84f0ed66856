using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Statistics;

/// <summary>What a <see cref="CaseBucket"/> counts, and by which day and key.</summary>
public enum CaseKind
{
    /// <summary>Disputes by the local day they were registered, keyed by risk colour.</summary>
    DisputeRegistered = 1,
    /// <summary>Disputes by the local day they were closed, keyed by mediation outcome.</summary>
    DisputeClosed = 2,
    /// <summary>Warnings by the local day they were issued, keyed by model code.</summary>
    WarningIssued = 3,
}

/// <summary>
/// Disputes and warnings counted per local day × node × kind × key, at every level of the tree like
/// <see cref="AlarmBucket"/>'s day buckets, for the backlog KPIs and the case charts. A registration or issue day's
/// bucket also says how many of its cases are still open (and, for disputes, under supervision 督办) now, so the
/// backlog of a jurisdiction is one exact-path sum however long ago its cases came in. A day is always recounted whole
/// from the raw rows (<see cref="CaseBuckets"/>), so a change of risk, state or place cannot leave a stale count behind.
/// </summary>
public sealed class CaseBucket : IJurisdictionScoped
{
    public CaseKind Kind { get; set; }
    /// <summary>The local midnight, in UTC, that starts the day.</summary>
    public DateTimeOffset Day { get; set; }
    public required string JurisdictionPath { get; set; }
    public int Depth { get; set; }
    /// <summary>Risk colour, mediation outcome or warning model.</summary>
    public required string Key { get; set; }
    public int Count { get; set; }
    /// <summary>Of <see cref="Count"/>, the cases still open now (registration and issue days only).</summary>
    public int Open { get; set; }
    /// <summary>Of <see cref="Open"/>, the disputes past their deadline and under supervision (督办).</summary>
    public int Supervised { get; set; }
}

internal sealed class CaseBucketConfiguration : IEntityTypeConfiguration<CaseBucket>
{
    public void Configure(EntityTypeBuilder<CaseBucket> b)
    {
        b.HasKey(x => new { x.JurisdictionPath, x.Kind, x.Day, x.Key });
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasIndex(x => new { x.Kind, x.Depth, x.Day });
        b.HasIndex(x => x.Day);
    }
}
