using System.Security.Cryptography;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Demo;

public sealed record DemoAccount(string UserName, string DisplayName, string Role, string JurisdictionCode);

/// <summary>
/// Development only: one account per role and the simulator's API key. Unset secrets are generated at each start and
/// the accounts are reset to them, so what the start-up banner prints always works.
/// </summary>
internal sealed class DemoCredentials(
    IOptions<DemoOptions> options, IServiceProvider services, IDbContextFactory<DashboardDbContext> dbFactory,
    JurisdictionMap map, TimeProvider clock)
{
    public static readonly DemoAccount[] Accounts =
    [
        new("admin", "系统管理员", Roles.Admin, DemoJurisdictionBuilder.TownshipCode),
        new("leader", "镇综治中心主任", Roles.Leader, DemoJurisdictionBuilder.TownshipCode),
        new("chief1", "青湖派出所所长", Roles.StationChief, "S001"),
        new("chief2", "东港派出所所长", Roles.StationChief, "S002"),
        new("officer1", "社区民警", Roles.Officer, "S001"),
        new("staff1", "综治中心工作人员", Roles.Staff, DemoJurisdictionBuilder.TownshipCode),
    ];

    public const string ApiKeyName = "演示模拟器 demo simulator";

    public string Password { get; } = options.Value.Password ?? "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + "-pa9";
    public string ApiKey { get; } = options.Value.ApiKey ?? Core.Security.ApiKey.NewSecret();
    public bool Ready { get; private set; }

    public async Task EnsureAsync(CancellationToken ct)
    {
        var root = (await map.NodesAsync(ct)).FirstOrDefault(n => n.Level == JurisdictionLevel.Township);
        if (root is null) return;
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            foreach (var account in Accounts) await EnsureAccountAsync(users, account);
        }
        await EnsureApiKeyAsync(root.Code, ct);
        Ready = true;
    }

    private async Task EnsureAccountAsync(UserManager<DashboardUser> users, DemoAccount account)
    {
        var user = await users.FindByNameAsync(account.UserName);
        if (user is null)
        {
            user = new DashboardUser { UserName = account.UserName, DisplayName = account.DisplayName, JurisdictionCode = account.JurisdictionCode };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, account.Role));
            return;
        }
        if (!await users.CheckPasswordAsync(user, Password))
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, Password));
        }
    }

    private async Task EnsureApiKeyAsync(string jurisdictionCode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Core.Security.Secret.HashOf(ApiKey);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == ApiKeyName && k.RevokedAt == null, ct);
        if (key?.Hash == hash) return;
        if (key is null)
        {
            db.ApiKeys.Add(key = new Core.Security.ApiKey
            {
                Name = ApiKeyName, Prefix = ApiKey[..12], Hash = hash, Scopes = string.Join(',', ApiScopes.All),
                JurisdictionCode = jurisdictionCode, CreatedAt = clock.GetUtcNow(), CreatedBy = "demo",
            });
        }
        (key.Hash, key.Prefix) = (hash, ApiKey[..12]);
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo account setup failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
