using System.Diagnostics;
using Dashboard.Core.Data;
using Dashboard.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Hosting;

public sealed class AdminCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dashboard-admin-").FullName;

    /// <summary>Runs the built app the way an operator would, in Production, with the password on standard input.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(DashboardOptions).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Dashboard"] = $"Data Source={Path.Combine(_dir, "prod.db")}";
        start.Environment["Logging__Directory"] = Path.Combine(_dir, "logs");
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task Production_starts_without_accounts_and_the_first_admin_comes_from_the_command()
    {
        var (code, output) = await RunAsync("Str0ng-Passw0rd!", "create-admin", "--user", "root");

        Assert.True(code == 0, output);
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DataServiceExtensions.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir, "prod.db")}", _dir);
        await using var db = new DashboardDbContext(options.Options);
        var users = await db.Users.Select(u => u.UserName).ToListAsync();
        Assert.Equal(["root"], users);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
        Assert.Equal(["Admin"], roles);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.create-admin" && a.Target == "root"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_reasons()
    {
        var (code, output) = await RunAsync("short", "create-admin", "--user", "root");
        Assert.Equal(1, code);
        Assert.Contains("Passwords must be at least 10 characters", output);
    }

    [Fact]
    public async Task Without_a_user_name_the_command_prints_its_usage()
    {
        var (code, output) = await RunAsync("", "create-admin");
        Assert.Equal(2, code);
        Assert.Contains("usage: create-admin --user NAME", output);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
