using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Security;

/// <summary>What an upstream system may do with its key.</summary>
public static class ApiScopes
{
    public const string Alarms = "alarms";
    public const string Positions = "positions";
    public const string Disputes = "disputes";
    public const string Live = "live";
    public static readonly string[] All = [Alarms, Positions, Disputes, Live];
}

/// <summary>An upstream system's key. Only its SHA-256 hash is stored: the key itself is shown once, at creation.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public required string Scopes { get; set; }
    public required string JurisdictionCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    public bool Allows(string scope) => Scopes.Split(',').Contains(scope, StringComparer.Ordinal);

    /// <summary>A random key; its first characters double as a visible prefix for people telling keys apart.</summary>
    public static string NewSecret() => Secret.New("pak_");
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.Scopes).HasMaxLength(200);
        b.Property(x => x.JurisdictionCode).HasMaxLength(32);
        b.Property(x => x.CreatedBy).HasMaxLength(64);
        b.Property(x => x.RevokedBy).HasMaxLength(64);
        b.HasIndex(x => x.Hash).IsUnique();
        b.Ignore(x => x.IsActive);
    }
}
