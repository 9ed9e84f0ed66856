using System.Globalization;

namespace Dashboard.Simulator;

/// <summary>The command line, parsed: options to run with, a usage error, or a request for help.</summary>
public sealed record ParsedArguments(SimulatorOptions? Options, string? Error, bool HelpRequested = false);

public static class SimulatorArguments
{
    public const string Usage = """
        Usage: Dashboard.Simulator --url URL --api-key KEY [--rate 1] [--position-interval 5] [--seed N] [--duration SECONDS]

          --url                the dashboard's base URL, e.g. http://localhost:5000
          --api-key            API key with the alarms and positions scopes (sent as X-Api-Key)
          --rate               alarm rate multiplier, 0 or more; 1 is a realistic township (~45 calls a day)
          --position-interval  seconds between position batches (default 5)
          --seed               integer seed for a reproducible world (default: random)
          --duration           stop after this many seconds (default: run until Ctrl+C)
        """;

    private static readonly string[] Known = ["--url", "--api-key", "--rate", "--position-interval", "--seed", "--duration"];

    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?")) return new ParsedArguments(null, null, HelpRequested: true);
        var (values, error) = ReadPairs(args);
        if (error is not null) return Fail(error);

        if (!values.TryGetValue("--url", out var url)) return Fail("--url is required");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return Fail($"--url must be an absolute http or https URL, not '{url}'");
        if (string.IsNullOrWhiteSpace(values.GetValueOrDefault("--api-key"))) return Fail("--api-key is required");

        var options = new SimulatorOptions { Url = uri, ApiKey = values["--api-key"] };
        if (values.TryGetValue("--rate", out var rate))
        {
            if (!TryNumber(rate, out var r) || r < 0) return Fail($"--rate must be a number of 0 or more, not '{rate}'");
            options = options with { Rate = r };
        }
        if (values.TryGetValue("--position-interval", out var interval))
        {
            if (!TryNumber(interval, out var s) || s < 0.1 || s > 3600)
                return Fail($"--position-interval must be seconds between 0.1 and 3600, not '{interval}'");
            options = options with { PositionInterval = TimeSpan.FromSeconds(s) };
        }
        if (values.TryGetValue("--seed", out var seed))
        {
            if (!int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return Fail($"--seed must be an integer, not '{seed}'");
            options = options with { Seed = n };
        }
        if (values.TryGetValue("--duration", out var duration))
        {
            if (!TryNumber(duration, out var d) || d <= 0) return Fail($"--duration must be a positive number of seconds, not '{duration}'");
            options = options with { Duration = TimeSpan.FromSeconds(d) };
        }
        return new ParsedArguments(options, null);
    }

    /// <summary>Accepts both <c>--name value</c> and <c>--name=value</c>.</summary>
    private static (Dictionary<string, string> Values, string? Error) ReadPairs(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (!Known.Contains(name)) return (values, $"unknown argument '{args[i]}'");
            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) return (values, $"{name} needs a value");
                value = args[++i];
            }
            if (!values.TryAdd(name, value)) return (values, $"{name} is given more than once");
        }
        return (values, null);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static ParsedArguments Fail(string error) => new(null, error);
}
