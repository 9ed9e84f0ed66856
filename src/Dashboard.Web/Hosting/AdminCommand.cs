using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Hosting;

/// <summary>
/// <c>dotnet Dashboard.Web.dll create-admin --user NAME [--jurisdiction CODE]</c>: the only way to make the first admin in
/// production, where no default account exists. The password is prompted for (hidden, twice) or read from standard input.
/// </summary>
internal static class AdminCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var userName = Option(args, "--user");
        if (string.IsNullOrWhiteSpace(userName))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --user NAME [--jurisdiction CODE]  (password from prompt or stdin)");
            return 2;
        }
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var nodes = await app.Services.GetRequiredService<JurisdictionMap>().NodesAsync();
        var jurisdiction = Option(args, "--jurisdiction") ?? nodes.FirstOrDefault()?.Code ?? "";
        if (nodes.Count > 0 && nodes.All(n => n.Code != jurisdiction))
        {
            await Console.Error.WriteLineAsync($"unknown jurisdiction '{jurisdiction}'");
            return 2;
        }
        var password = ReadPassword();
        if (password is null) return 2;

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = new DashboardUser { UserName = userName, DisplayName = userName, JurisdictionCode = jurisdiction };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Admin);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await Console.Error.WriteLineAsync(error.Description);
            return 1;
        }
        await app.Services.GetRequiredService<AuditLog>().WriteAsync("console", "user.create-admin", userName, $"jurisdiction={jurisdiction}");
        Console.WriteLine($"Admin '{userName}' created.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        var first = Prompt("Password: ");
        if (first != Prompt("Repeat password: "))
        {
            Console.Error.WriteLine("The passwords differ.");
            return null;
        }
        return first;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var chars = new List<char>();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (chars.Count > 0) chars.RemoveAt(chars.Count - 1); }
            else if (!char.IsControl(key.KeyChar)) chars.Add(key.KeyChar);
        }
        Console.WriteLine();
        return new string(chars.ToArray());
    }
}
