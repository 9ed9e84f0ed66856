using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Displays;

/// <summary>What an open kiosk screen needs: which token it runs on, where, and what it plays.</summary>
public sealed record KioskSession(int TokenId, string Name, JurisdictionNode Jurisdiction, IReadOnlyList<KioskScene> Playlist, TimeSpan Interval)
{
    public JurisdictionScope Scope => new(Jurisdiction.Path);

    /// <summary>Scenes follow the clock, not a counter, so a reload (or a second screen) shows the same scene at once.</summary>
    public KioskScene SceneAt(DateTimeOffset now) =>
        Playlist[(int)(now.ToUnixTimeSeconds() / (long)Interval.TotalSeconds % Playlist.Count)];
}

public sealed record DisplayTokenRow(
    int Id, string Name, string Prefix, string JurisdictionCode, string Scenes, int IntervalSeconds, DateTimeOffset CreatedAt,
    string CreatedBy, DateTimeOffset? RevokedAt, DateTimeOffset? LastSeenAt);

/// <summary>Published after a token's revocation commits, so its open screens go dark at once.</summary>
public sealed record DisplayTokenRevoked(int TokenId);

/// <summary>Creates, lists, revokes and opens kiosk display tokens; every change is audited.</summary>
public sealed class DisplayTokenService(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, ILiveBus bus, TimeProvider clock)
{
    public const string TokenPrefix = "pad_";
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(5);

    /// <summary>The session a token opens, or null when it is unknown, malformed or revoked.</summary>
    public async Task<KioskSession?> OpenAsync(string? token, CancellationToken ct = default)
    {
        if (token is not { Length: > 0 and <= 128 } || !token.StartsWith(TokenPrefix, StringComparison.Ordinal)) return null;
        var hash = Secret.HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.DisplayTokens.SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        if (row is null || await map.FindAsync(row.JurisdictionCode, ct) is not { } node || row.Playlist.Count == 0) return null;
        var now = clock.GetUtcNow();
        if (row.LastSeenAt is null || now - row.LastSeenAt > LastSeenResolution)
        {
            row.LastSeenAt = now;
            await db.SaveChangesAsync(ct);
        }
        return new KioskSession(row.Id, row.Name, node, row.Playlist, TimeSpan.FromSeconds(row.IntervalSeconds));
    }

    /// <summary>Creates a token and returns it; it is never stored and cannot be shown again.</summary>
    public async Task<string> CreateAsync(string name, string jurisdictionCode, IReadOnlyCollection<KioskScene> scenes,
        int intervalSeconds, string by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) throw new DomainRuleException("Display.NameRequired", "A display needs a name of at most 100 characters.");
        if (scenes.Count == 0 || scenes.Any(s => !Enum.IsDefined(s))) throw new DomainRuleException("Display.SceneRequired", "Choose at least one scene.");
        if (intervalSeconds is < DisplayToken.MinInterval or > DisplayToken.MaxInterval)
            throw new DomainRuleException("Display.IntervalOutOfRange", $"The interval must be {DisplayToken.MinInterval} to {DisplayToken.MaxInterval} seconds.", DisplayToken.MinInterval, DisplayToken.MaxInterval);
        if (await map.FindAsync(jurisdictionCode, ct) is null) throw new DomainRuleException("Jurisdiction.Unknown", "Unknown jurisdiction.");

        var token = Secret.New(TokenPrefix);
        var playlist = string.Join(',', scenes.Distinct());
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.DisplayTokens.Add(new DisplayToken
        {
            Name = name.Trim(), Prefix = token[..12], Hash = Secret.HashOf(token), JurisdictionCode = jurisdictionCode,
            Scenes = playlist, IntervalSeconds = intervalSeconds, CreatedAt = now, CreatedBy = by,
        });
        db.Audit(by, "display.create", name.Trim(), $"jurisdiction={jurisdictionCode} scenes={playlist} interval={intervalSeconds}s", now);
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeAsync(int id, string by, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.DisplayTokens.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new DomainRuleException("Display.NotFound", "No such display.");
        if (row.RevokedAt is not null) return;
        var now = clock.GetUtcNow();
        (row.RevokedAt, row.RevokedBy) = (now, by);
        db.Audit(by, "display.revoke", row.Name, $"prefix={row.Prefix}", now);
        await db.SaveChangesAsync(ct);
        bus.Publish(new DisplayTokenRevoked(id));
    }

    /// <summary>Calls <paramref name="revoked"/> when this token is revoked, from any server that shares the bus.</summary>
    public IDisposable WatchRevocation(int id, Action revoked) =>
        bus.Subscribe<DisplayTokenRevoked>(e => { if (e.TokenId == id) revoked(); });

    public async Task<IReadOnlyList<DisplayTokenRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DisplayTokens.AsNoTracking().OrderBy(t => t.RevokedAt != null).ThenBy(t => t.Name)
            .Select(t => new DisplayTokenRow(t.Id, t.Name, t.Prefix, t.JurisdictionCode, t.Scenes, t.IntervalSeconds, t.CreatedAt,
                t.CreatedBy, t.RevokedAt, t.LastSeenAt))
            .ToListAsync(ct);
    }
}
