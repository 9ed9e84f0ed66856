using Dashboard.Web.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.E2E;

/// <summary>The app on real Kestrel on a loopback port, with the real clock and a few days of demo history.</summary>
public class LiveApp : DashboardAppFactory
{
    public LiveApp() : this(0) { }

    /// <param name="dataDirectory">A folder the test owns, to restart the server on the same database.</param>
    internal LiveApp(int port, string? dataDirectory = null) : base(dataDirectory)
    {
        UseKestrel(port);
        StartServer();
    }

    protected override bool UseFakeClock => false;

    /// <summary>Days of demo alarms before now: a few, unless a test needs a longer past.</summary>
    protected virtual int HistoryDays => 3;

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Demo:HistoryDays"] = HistoryDays.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
