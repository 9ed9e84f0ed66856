using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Displays;

/// <summary>What an unattended screen shows in turn.</summary>
public enum KioskScene { Overview, Map, Statistics, Disputes }

/// <summary>
/// A kiosk screen's bearer token (展示模式): it opens one jurisdiction's wall read-only, without signing in, until revoked.
/// Only its hash is stored; the token itself is part of the screen's URL and is shown once, at creation.
/// </summary>
public sealed class DisplayToken
{
    public const int MinInterval = 10;
    public const int MaxInterval = 3600;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public required string JurisdictionCode { get; set; }
    /// <summary>The playlist, in order, as comma-separated scene names.</summary>
    public required string Scenes { get; set; }
    public int IntervalSeconds { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }

    public IReadOnlyList<KioskScene> Playlist =>
        Scenes.Split(',').Select(s => Enum.TryParse<KioskScene>(s, out var scene) ? scene : (KioskScene?)null)
            .OfType<KioskScene>().ToList();
}

internal sealed class DisplayTokenConfiguration : IEntityTypeConfiguration<DisplayToken>
{
    public void Configure(EntityTypeBuilder<DisplayToken> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.JurisdictionCode).HasMaxLength(32);
        b.Property(x => x.Scenes).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(64);
        b.Property(x => x.RevokedBy).HasMaxLength(64);
        b.HasIndex(x => x.Hash).IsUnique();
        b.Ignore(x => x.Playlist);
    }
}
