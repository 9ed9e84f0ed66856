using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Dashboard.Benchmarks;

/// <summary>The server's managed heap right after an induced full blocking GC, in MB: <paramref name="LiveMb"/> counts the
/// objects that survived it (what a heap snapshot counts), <paramref name="HeapMb"/> the generations' sizes, which also
/// hold the free gaps between survivors (fragmentation).</summary>
public readonly record struct HeapFigures(double LiveMb, double HeapMb);

/// <summary>
/// The server's live managed heap: an EventPipe session asking for a heap collection (as dotnet-gcdump does) makes the
/// runtime run a full blocking GC, whose heap statistics are read back. Unlike RSS, garbage and freed pages don't count.
/// </summary>
public static class LiveHeap
{
    public static async Task<HeapFigures> MeasureAsync(int pid)
    {
        var client = new DiagnosticsClient(pid);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var fullGc = false;
        HeapFigures? figures = null;
        source.Clr.GCStart += e => fullGc = e.Depth == 2 && e.Reason == GCReason.Induced;
        source.Clr.GCHeapStats += e =>
        {
            if (!fullGc || figures is not null) return;
            // After a full GC, what each generation promoted is everything that survived in it.
            var live = e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3 + e.TotalPromotedSize4;
            var heap = e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4;
            figures = new HeapFigures(Mb(live), Mb(heap));
            session.Stop();
        };
        var processing = Task.Run(source.Process);
        await Task.WhenAny(processing, Task.Delay(TimeSpan.FromSeconds(30)));
        if (figures is null) session.Stop();
        return figures ?? throw new InvalidOperationException("the server reported no induced full GC");
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;
}
