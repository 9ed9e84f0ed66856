using System.Net;
using System.Text;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>An HTTP listener on loopback stands where a Seq server would, receiving what the real Seq sink sends.</summary>
public sealed class SeqLoggingTests : IDisposable
{
    private readonly HttpListener _seq = new();
    private readonly string _url;

    public SeqLoggingTests()
    {
        var port = FreePort();
        _url = $"http://127.0.0.1:{port}/";
        _seq.Prefixes.Add(_url);
        _seq.Start();
    }

    private sealed class SeqApp(string url) : DashboardAppFactory
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Seq:ServerUrl"] = url;
    }

    [Fact]
    public async Task When_a_seq_url_is_set_log_events_are_posted_to_it()
    {
        var received = new TaskCompletionSource<(string Path, string Body)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answering = AnswerAllAsync(received);
        await using (var app = new SeqApp(_url))
        {
            _ = app.Server;
            var (path, body) = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("/api/events/raw", path);
            Assert.Contains("listening", body, StringComparison.OrdinalIgnoreCase);
        }
        _seq.Stop();
        await answering;
    }

    /// <summary>Acknowledges every post, as Seq does, until the listener stops; reports the first with the start-up line.</summary>
    private async Task AnswerAllAsync(TaskCompletionSource<(string, string)> received)
    {
        while (_seq.IsListening)
        {
            HttpListenerContext context;
            try { context = await _seq.GetContextAsync(); }
            catch (HttpListenerException) { return; }
            catch (ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            context.Response.StatusCode = 201;
            context.Response.Close();
            if (body.Contains("listening", StringComparison.OrdinalIgnoreCase)) received.TrySetResult((context.Request.Url!.AbsolutePath, body));
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _seq.Close();
}
