using System.Globalization;
using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;

namespace Dashboard.Simulator.Synthetic;

/// <summary>
/// Builds whole 110 alarms for a jurisdiction: kind from <see cref="AlarmMix"/>, a point inside a random grid, a
/// household address in that grid's community, the people involved, and now and then a repeated dispute from a
/// household that already called in the last 30 days. Domestic-violence households may call again within days
/// (<see cref="RecallsDue"/>). Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class AlarmGenerator
{
    /// <summary>Share of dispute calls that come from a household which already called about a dispute.</summary>
    public const double RepeatedDisputeShare = 0.15;

    private readonly Random _rng;
    private readonly string _runId;
    private readonly string _township;
    private readonly GridShape[] _grids;
    private readonly Dictionary<string, string> _communityNames;
    private readonly DisputeHouseholds _households = new();
    private readonly DomesticViolenceRecalls _recalls = new();
    private int _sequence;

    /// <param name="runId">Short [a-z0-9] tag that keeps external IDs of different runs apart.</param>
    public AlarmGenerator(ReferenceData reference, Random rng, string runId)
    {
        if (runId.Length is 0 or > 16 || !runId.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException("run id must be 1–16 ASCII letters or digits", nameof(runId));
        _rng = rng;
        _runId = runId;
        _township = reference.Jurisdiction.Name;
        _grids = reference.Grids.Where(g => g.Ring is { Count: >= 3 }).Select(g => new GridShape(g)).ToArray();
        if (_grids.Length == 0) throw new ArgumentException("reference data has no grid outlines", nameof(reference));
        _communityNames = reference.Communities.ToDictionary(c => c.Code, c => c.Name);
    }

    /// <summary>The next alarm, received at the given moment (expressed in China time).</summary>
    public AlarmInput Next(DateTimeOffset receivedAt)
    {
        var at = ChinaTime.Of(receivedAt);
        var kind = AlarmMix.Draw(_rng);
        if (kind.Category == AlarmCategories.Dispute && _rng.NextDouble() < RepeatedDisputeShare
            && _households.PickRecent(at, _rng) is { } household)
            return RepeatCall(household, at);

        var grid = RandomGrid();
        return FreshCall(at, kind, grid, grid.RandomPoint(_rng));
    }

    /// <summary>Domestic-violence households calling again, due by <paramref name="upTo"/>, in time order.</summary>
    public IEnumerable<AlarmInput> RecallsDue(DateTimeOffset upTo)
    {
        while (_recalls.TryNext(upTo, out var household, out var at)) yield return RepeatCall(household, ChinaTime.Of(at));
    }

    /// <summary>A call about the given kind of trouble at a place in a grid, e.g. one of many callers reporting one brawl.</summary>
    public AlarmInput CallAbout(AlarmKind kind, GridShape grid, LatLon location, DateTimeOffset receivedAt) =>
        FreshCall(ChinaTime.Of(receivedAt), kind, grid, location);

    public GridShape RandomGrid() => _grids[_rng.Next(_grids.Length)];

    private AlarmInput FreshCall(DateTimeOffset at, AlarmKind kind, GridShape grid, LatLon location)
    {
        var community = _communityNames.GetValueOrDefault(grid.Grid.CommunityCode, grid.Grid.Name);
        var address = SyntheticAddresses.ForCommunity(_township, community, _rng);
        var parties = PartiesFor(kind.Category);
        if (kind.Category == AlarmCategories.Dispute)
            Remember(new DisputeHousehold(address, location, kind, parties[0], parties[1], at), kind, at);
        var callerPhone = parties.Count > 0 ? parties[0].Phone : SyntheticPeople.MobilePhone(_rng);
        return Alarm(at, kind, address, location, callerPhone, parties.Count > 0 ? parties : null);
    }

    private AlarmInput RepeatCall(DisputeHousehold household, DateTimeOffset at)
    {
        household.LastCallAt = at;
        // Usually the same person calls again; sometimes the other side does. Either way phone and ID recur.
        var (caller, other) = _rng.NextDouble() < 0.7 ? (household.Caller, household.Other) : (household.Other, household.Caller);
        PartyInput[] parties = [caller with { Role = "caller" }, other with { Role = "party" }];
        var address = SyntheticAddresses.Variant(household.Address, _rng, _township);
        var kind = AlarmMix.DrawLike(household.Kind, _rng);
        if (DomesticViolenceRecalls.IsDomesticViolence(kind)) _recalls.AfterCall(household, at, _rng);
        return Alarm(at, kind, address, household.Location, caller.Phone, parties);
    }

    private void Remember(DisputeHousehold household, AlarmKind kind, DateTimeOffset at)
    {
        _households.Remember(household);
        if (DomesticViolenceRecalls.IsDomesticViolence(kind)) _recalls.AfterCall(household, at, _rng);
    }

    private List<PartyInput> PartiesFor(string category) => category switch
    {
        AlarmCategories.Dispute => [SyntheticPeople.Party("caller", _rng), SyntheticPeople.Party("party", _rng)],
        AlarmCategories.Criminal => [SyntheticPeople.Party("victim", _rng)],
        _ => [],
    };

    private AlarmInput Alarm(
        DateTimeOffset at, AlarmKind kind, string address, LatLon location, string? callerPhone, IReadOnlyList<PartyInput>? parties) =>
        new(ExternalId: NextExternalId(at),
            ReceivedAt: at,
            Category: kind.Category,
            Subcategory: kind.Subcategory,
            Priority: kind.Priority,
            Summary: kind.Summary,
            Address: address,
            Location: new GeoPoint(location.Lat, location.Lon),
            StationCode: null,
            CallerPhone: callerPhone,
            Parties: parties,
            Injury: DomesticViolenceRecalls.IsDomesticViolence(kind) && _rng.NextDouble() < DomesticViolenceRecalls.InjuryShare ? true : null);

    private string NextExternalId(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture,
        $"110-{at:yyyyMMdd}-{_runId}-{++_sequence:D6}");
}
