using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Dashboard.Benchmarks;

/// <summary>
/// The server's live managed heap: an EventPipe session asking for a heap collection (as dotnet-gcdump does) makes the
/// runtime run a full blocking GC, whose heap statistics are read back. Unlike RSS, garbage and freed pages don't count.
/// </summary>
public static class LiveHeap
{
    public static async Task<double> MeasureMbAsync(int pid)
    {
        var client = new DiagnosticsClient(pid);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var fullGc = false;
        long? heap = null;
        source.Clr.GCStart += e => fullGc = e.Depth == 2 && e.Reason == GCReason.Induced;
        source.Clr.GCHeapStats += e =>
        {
            if (!fullGc || heap is not null) return;
            heap = e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4;
            session.Stop();
        };
        var processing = Task.Run(source.Process);
        await Task.WhenAny(processing, Task.Delay(TimeSpan.FromSeconds(30)));
        if (heap is null) session.Stop();
        return (heap ?? throw new InvalidOperationException("the server reported no induced full GC")) / 1024.0 / 1024.0;
    }
}
