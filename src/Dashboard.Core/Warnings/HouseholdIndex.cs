using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>
/// The household keys of recent dispute records, in memory: a new alarm is matched against them in microseconds, with
/// no database round trip on the ingest path. It holds the longest window a household model looks back (loaded from
/// <see cref="HouseholdMark"/> on first use or when a window grows) and drops what has aged out.
/// </summary>
public sealed class HouseholdIndex(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider clock) : IDisposable
{
    private sealed record Entry(string Kind, string Reference, DateTimeOffset At, bool DomesticViolence);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Dictionary<string, List<Entry>> _byKey = new(StringComparer.Ordinal);
    private TimeSpan? _window;

    /// <summary>Loads the marks of the window once, or again when a model now looks further back.</summary>
    public async Task EnsureAsync(TimeSpan window, CancellationToken ct = default)
    {
        if (_window >= window) return;
        await _loading.WaitAsync(ct);
        try
        {
            if (_window >= window) return;
            var since = (clock.GetUtcNow() - window).ToUniversalTime();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var marks = await db.HouseholdMarks.AsNoTracking().Where(m => m.At >= since)
                .Select(m => new { m.Key, m.Kind, m.Reference, m.At, m.DomesticViolence }).ToListAsync(ct);
            var byKey = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
            foreach (var m in marks) Add(byKey, m.Key, new Entry(m.Kind, m.Reference, m.At, m.DomesticViolence));
            lock (_gate)
            {
                // Records added while loading are in the database too, so the loaded set holds them already.
                (_byKey, _window) = (byKey, window);
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Add(HouseholdRecord r)
    {
        lock (_gate)
        {
            foreach (var key in r.Keys) Add(_byKey, key, new Entry(r.Kind, r.Reference, r.At.ToUniversalTime(), r.DomesticViolence));
        }
    }

    /// <summary>Other records of the same household within <paramref name="window"/> either side of this one, oldest first.</summary>
    public IReadOnlyList<EvidenceItem> Matches(HouseholdRecord r, TimeSpan window, bool domesticViolenceOnly)
    {
        lock (_gate)
        {
            return r.Keys.SelectMany(k => _byKey.GetValueOrDefault(k) ?? [])
                .Where(e => (e.At - r.At).Duration() <= window && (!domesticViolenceOnly || e.DomesticViolence)
                    && !(e.Kind == r.Kind && e.Reference == r.Reference))
                .DistinctBy(e => (e.Kind, e.Reference)).OrderBy(e => e.At)
                .Select(e => new EvidenceItem(e.Kind, e.Reference, e.At)).ToList();
        }
    }

    /// <summary>Drops entries older than the window (the scan calls this every minute).</summary>
    public void Prune()
    {
        if (_window is not { } window) return;
        var before = clock.GetUtcNow() - window - TimeSpan.FromDays(1);
        lock (_gate)
        {
            foreach (var key in _byKey.Keys.ToList())
            {
                var entries = _byKey[key];
                entries.RemoveAll(e => e.At < before);
                if (entries.Count == 0) _byKey.Remove(key);
            }
        }
    }

    private static void Add(Dictionary<string, List<Entry>> byKey, string key, Entry entry)
    {
        if (!byKey.TryGetValue(key, out var entries)) byKey[key] = entries = [];
        if (!entries.Any(e => e.Kind == entry.Kind && e.Reference == entry.Reference)) entries.Add(entry);
    }

    public void Dispose() => _loading.Dispose();
}
