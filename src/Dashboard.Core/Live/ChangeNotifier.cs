namespace Dashboard.Core.Live;

[Flags]
public enum LiveChange { None = 0, Alarms = 1, Units = 2, Figures = 4, Disputes = 8, Warnings = 16 }

/// <summary>
/// Collects change flags and tells subscribers at most twice a second, however fast data arrives: a screen re-renders
/// on a rhythm, not on every message.
/// </summary>
public sealed class ChangeNotifier : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private Action<LiveChange>[] _subscribers = [];
    private int _pending;
    private readonly ITimer _timer;

    public ChangeNotifier(TimeProvider clock) => _timer = clock.CreateTimer(_ => Flush(), null, Period, Period);

    public void Mark(LiveChange change)
    {
        int current, next;
        do
        {
            current = _pending;
            next = current | (int)change;
        } while (Interlocked.CompareExchange(ref _pending, next, current) != current);
    }

    public IDisposable Subscribe(Action<LiveChange> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers, handler];
        return new Unsubscriber(() => { lock (_gate) _subscribers = [.. _subscribers.Where(s => s != handler)]; });
    }

    /// <summary>Delivers what accumulated since the last flush; runs on the timer, callable directly by tests.</summary>
    public void Flush()
    {
        var change = (LiveChange)Interlocked.Exchange(ref _pending, 0);
        if (change == LiveChange.None) return;
        foreach (var subscriber in _subscribers)
        {
            try { subscriber(change); }
            catch (Exception) { /* a broken screen must not stop the others; components report their own errors */ }
        }
    }

    public void Dispose() => _timer.Dispose();

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) action(); }
    }
}
