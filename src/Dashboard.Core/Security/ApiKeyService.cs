using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;

using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Security;

public sealed record AuthenticatedKey(int Id, string Name, string JurisdictionCode, string JurisdictionPath, string[] Scopes);

public sealed record ApiKeyRow(
    int Id, string Name, string Prefix, string Scopes, string JurisdictionCode, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>Creates, lists, revokes and checks upstream API keys; every change is audited.</summary>
public sealed class ApiKeyService(IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, TimeProvider clock)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public async Task<AuthenticatedKey?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        var hash = Secret.HashOf(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        if (key is null || await map.FindAsync(key.JurisdictionCode, ct) is not { } node) return null;
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return new AuthenticatedKey(key.Id, key.Name, key.JurisdictionCode, node.Path, key.Scopes.Split(','));
    }

    /// <summary>Creates a key and returns its secret, which is never stored and cannot be shown again.</summary>
    public async Task<string> CreateAsync(string name, string jurisdictionCode, IEnumerable<string> scopes, string by,
        CancellationToken ct = default, string? secret = null)
    {
        var scopeList = scopes.Distinct().ToArray();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) throw new DomainRuleException("ApiKey.NameRequired", "A key needs a name of at most 100 characters.");
        if (scopeList.Length == 0 || scopeList.Except(ApiScopes.All).Any()) throw new DomainRuleException("ApiKey.ScopeRequired", "Choose at least one known scope.");
        if (await map.FindAsync(jurisdictionCode, ct) is null) throw new DomainRuleException("Jurisdiction.Unknown", "Unknown jurisdiction.");

        secret ??= ApiKey.NewSecret();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        db.ApiKeys.Add(new ApiKey
        {
            Name = name.Trim(), Prefix = secret[..12], Hash = Secret.HashOf(secret), Scopes = string.Join(',', scopeList),
            JurisdictionCode = jurisdictionCode, CreatedAt = now, CreatedBy = by,
        });
        db.Audit(by, "apikey.create", name, $"scopes={string.Join(',', scopeList)} jurisdiction={jurisdictionCode}", now);
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task RevokeAsync(int id, string by, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct) ?? throw new DomainRuleException("ApiKey.NotFound", "No such key.");
        if (key.RevokedAt is not null) return;
        var now = clock.GetUtcNow();
        (key.RevokedAt, key.RevokedBy) = (now, by);
        db.Audit(by, "apikey.revoke", key.Name, $"prefix={key.Prefix}", now);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.Scopes, k.JurisdictionCode, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.LastUsedAt))
            .ToListAsync(ct);
    }
}
