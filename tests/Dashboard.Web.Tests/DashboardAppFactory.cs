using Dashboard.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests;

/// <summary>
/// The real app in Development on its own SQLite file, with the demo jurisdiction seeded (no history unless asked),
/// known demo secrets, the simulator off and a clock the test controls.
/// </summary>
public partial class DashboardAppFactory : WebApplicationFactory<Dashboard.Web.Hosting.DashboardOptions>
{
    public const string Password = "Test-Passw0rd!";
    public const string ApiKey = "pak_test_0123456789abcdef0123456789abcdef0123";

    private readonly string _dir;
    private readonly bool _ownsDirectory;

    public DashboardAppFactory() : this(null) { }

    /// <param name="dataDirectory">
    /// A folder the test owns, so a second app can start on the same database (a server restart); null for a fresh one.
    /// </param>
    protected DashboardAppFactory(string? dataDirectory)
    {
        _ownsDirectory = dataDirectory is null;
        _dir = dataDirectory ?? Directory.CreateTempSubdirectory("dashboard-web-").FullName;
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual bool UseFakeClock => true;

    protected virtual void Configure(IDictionary<string, string?> settings) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = $"Data Source={Path.Combine(_dir, "dashboard.db")}",
            ["Logging:Directory"] = Path.Combine(_dir, "logs"),
            ["Demo:Seed"] = "true",
            ["Demo:HistoryDays"] = "0",
            ["Demo:Simulator"] = "false",
            ["Demo:Password"] = Password,
            ["Demo:ApiKey"] = ApiKey,
        };
        Configure(settings);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        if (UseFakeClock) builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient ApiClient(string? key = ApiKey)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Fetches the form (for its antiforgery token and cookie) and posts it, as a browser would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, string password, string? returnUrl = null)
    {
        var form = await browser.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["ReturnUrl"] = returnUrl ?? "", ["__RequestVerificationToken"] = token,
        };
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>A cookie-keeping client signed in as one of the demo people.</summary>
    public async Task<HttpClient> SignedInAsync(string user)
    {
        var browser = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SignInAsync(browser, user, Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"{user} could not sign in: {response.StatusCode}");
        return browser;
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();

    public async Task<T> QueryAsync<T>(Func<DashboardDbContext, Task<T>> query)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>A point well inside a demo grid, and that grid's code.</summary>
    public Task<(double Lat, double Lon, string GridCode, string Path)> InsideGridAsync(string gridCode = "G001") =>
        QueryAsync(async db =>
        {
            var grid = await db.Jurisdictions.SingleAsync(n => n.Code == gridCode);
            return (grid.CenterLat!.Value, grid.CenterLon!.Value, grid.Code, grid.Path);
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

public static class JsonContent
{
    public static StringContent Of(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
