using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Live;

/// <summary>
/// Carries committed changes to the live projections and screens. Services publish only after their transaction commits;
/// components never publish.
/// </summary>
public interface ILiveBus
{
    void Publish<T>(T message) where T : class;
    IDisposable Subscribe<T>(Action<T> handler) where T : class;
}

/// <summary>The single-process bus: handlers run synchronously on the publisher's thread and must be quick.</summary>
public sealed class InProcessLiveBus(ILogger<InProcessLiveBus> logger) : ILiveBus
{
    private readonly ConcurrentDictionary<Type, ImmutableHandlers> _handlers = new();

    public void Publish<T>(T message) where T : class
    {
        if (!_handlers.TryGetValue(typeof(T), out var handlers)) return;
        foreach (var handler in handlers.Items)
        {
            try { ((Action<T>)handler)(message); }
            catch (Exception ex) { logger.LogError(ex, "Live handler for {Message} failed", typeof(T).Name); }
        }
    }

    public IDisposable Subscribe<T>(Action<T> handler) where T : class
    {
        _handlers.AddOrUpdate(typeof(T), _ => new([handler]), (_, h) => new([.. h.Items, handler]));
        return new Subscription(() => _handlers.AddOrUpdate(typeof(T), _ => new([]), (_, h) => new([.. h.Items.Where(x => !ReferenceEquals(x, handler))])));
    }

    private sealed record ImmutableHandlers(Delegate[] Items);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
        }
    }
}
