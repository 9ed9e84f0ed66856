using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Benchmarks;
using Dashboard.Benchmarks.Bare;

var options = BenchOptions.Parse(args);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
switch (options.Mode)
{
    case BenchMode.ServeBare:
        await BareHubHost.RunAsync(options, args);
        return 0;
    case BenchMode.Ingest:
        var ingest = await new IngestBenchmark(options).RunAsync();
        IngestTargets.Print(ingest);
        await Save(ingest);
        return 0;
    case BenchMode.Warnings:
        var warnings = await new WarningBenchmark(options).RunAsync();
        WarningBenchmark.Print(warnings);
        await Save(warnings);
        return 0;
    case BenchMode.Stats:
        var stats = await new StatsBenchmark(options).RunAsync();
        StatsBenchmark.Print(stats);
        await Save(stats);
        return 0;
    default:
        var browser = await new BrowserBenchmark(options).RunAsync();
        BrowserBenchmark.Print(browser);
        await Save(browser);
        return 0;
}

async Task Save<T>(T report)
{
    Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
    await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(report, json));
    Console.WriteLine("written " + options.Output);
}
