using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;

namespace Dashboard.Core.Live;

/// <summary>The latest alarms (for tickers) and the open ones (for maps), bounded in size whatever the feed rate.</summary>
public sealed class RecentAlarms
{
    public const int Capacity = 2000;
    private readonly Lock _gate = new();
    private readonly LinkedList<AlarmSnapshot> _newestFirst = new();
    private readonly Dictionary<long, LinkedListNode<AlarmSnapshot>> _byId = [];

    public void Load(IEnumerable<AlarmSnapshot> alarms)
    {
        foreach (var alarm in alarms.OrderBy(a => a.ReceivedAt)) Upsert(alarm);
    }

    public void Upsert(AlarmSnapshot alarm)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(alarm.Id, out var node))
            {
                node.Value = alarm;
                return;
            }
            _byId[alarm.Id] = InsertByTime(alarm);
            while (_newestFirst.Count > Capacity)
            {
                _byId.Remove(_newestFirst.Last!.Value.Id);
                _newestFirst.RemoveLast();
            }
        }
    }

    public IReadOnlyList<AlarmSnapshot> Latest(JurisdictionScope scope, int count)
    {
        lock (_gate) return _newestFirst.Where(a => scope.Contains(a.JurisdictionPath)).Take(count).ToList();
    }

    /// <summary>Alarms not yet resolved, received since <paramref name="since"/>.</summary>
    public IReadOnlyList<AlarmSnapshot> Open(JurisdictionScope scope, DateTimeOffset since)
    {
        lock (_gate)
            return _newestFirst.TakeWhile(a => a.ReceivedAt >= since)
                .Where(a => a.Status < AlarmStatus.Resolved && scope.Contains(a.JurisdictionPath)).ToList();
    }

    public AlarmSnapshot? Find(long id)
    {
        lock (_gate) return _byId.TryGetValue(id, out var node) ? node.Value : null;
    }

    // Upstream delivers mostly in order, so the walk from the front is short.
    private LinkedListNode<AlarmSnapshot> InsertByTime(AlarmSnapshot alarm)
    {
        for (var node = _newestFirst.First; node is not null; node = node.Next)
            if (node.Value.ReceivedAt <= alarm.ReceivedAt) return _newestFirst.AddBefore(node, alarm);
        return _newestFirst.AddLast(alarm);
    }
}
