using Dashboard.Core.Alarms;

namespace Dashboard.Simulator.Synthetic;

/// <summary>A household that called about a dispute, remembered so it can call again.</summary>
internal sealed class DisputeHousehold(string address, LatLon location, AlarmKind kind, PartyInput caller, PartyInput other, DateTimeOffset at)
{
    public string Address => address;
    public LatLon Location => location;
    public AlarmKind Kind => kind;
    public PartyInput Caller => caller;
    public PartyInput Other => other;
    public DateTimeOffset LastCallAt { get; set; } = at;
}

/// <summary>Dispute households of the last 30 days: the pool repeated disputes are drawn from.</summary>
internal sealed class DisputeHouseholds
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private readonly List<DisputeHousehold> _recent = [];

    public DisputeHousehold? PickRecent(DateTimeOffset at, Random rng)
    {
        _recent.RemoveAll(h => at - h.LastCallAt > Window);
        return _recent.Count == 0 ? null : _recent[rng.Next(_recent.Count)];
    }

    public void Remember(DisputeHousehold household) => _recent.Add(household);
}
