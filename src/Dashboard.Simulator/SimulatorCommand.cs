using Microsoft.Extensions.Logging;

namespace Dashboard.Simulator;

/// <summary>The console entry point, apart from Program.cs so tests can check exit codes and messages.</summary>
public static class SimulatorCommand
{
    public const int Success = 0;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var parsed = SimulatorArguments.Parse(args);
        if (parsed.HelpRequested)
        {
            await output.WriteLineAsync(SimulatorArguments.Usage);
            return Success;
        }
        if (parsed.Options is not { } options)
        {
            await error.WriteLineAsync($"error: {parsed.Error}");
            await error.WriteLineAsync(SimulatorArguments.Usage);
            return UsageError;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var engine = new SimulatorEngine(http, options, TimeProvider.System, loggerFactory.CreateLogger<SimulatorEngine>());
        await engine.RunAsync(ct);
        return Success;
    }
}
