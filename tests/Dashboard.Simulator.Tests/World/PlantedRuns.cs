using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;

namespace Dashboard.Simulator.Tests.World;

/// <summary>
/// A township with everything the warning models watch — heavy vehicles and a zone they must keep out of, a patrol-area
/// fence, must-visit points — simulated twice and shared by the plant tests: three busy days (the demo's rate 4, a tick a
/// minute) for the alarms, and a quiet day (no alarms, so no calls pull units around; a tick every 5 s) for movement.
/// </summary>
public sealed class PlantedRuns
{
    public const string Windows = "08:00-12:00,19:00-22:00";

    internal ReferenceBuilder Builder { get; } = ReferenceBuilder.TwoStations().Units("S1")
        .HeavyVehicles("S1", 3).ForbiddenZone("Z1", column: 0.3, row: 0.3, size: 0.4).PatrolArea("S1")
        .PatrolPoints("S1", Windows).PatrolPoints("S2", Windows);

    internal ReferenceData Reference { get; }
    internal WorldRun Busy { get; }
    internal WorldRun Quiet { get; }

    public PlantedRuns()
    {
        Reference = Builder.Build();
        Busy = WorldRun.For(Reference, TimeSpan.FromDays(3), rate: 4, seed: 11, interval: TimeSpan.FromMinutes(1));
        Quiet = WorldRun.For(Reference, TimeSpan.FromDays(1), rate: 0, seed: 12);
    }

    /// <summary>Each visit of a unit to a point — consecutive fixes within its radius — with how long the unit was there,
    /// measured the way the server's check-ins are: from the first fix inside to the last.</summary>
    internal List<(string Point, string Unit, DateTimeOffset From, TimeSpan Stayed)> Visits()
    {
        var visits = new List<(string, string, DateTimeOffset, TimeSpan)>();
        foreach (var track in Quiet.Positions.GroupBy(p => p.UnitCode!))
        {
            var fixes = track.OrderBy(p => p.At).ToList();
            foreach (var point in Reference.PatrolPoints!)
            {
                DateTimeOffset? since = null, last = null;
                foreach (var fix in fixes)
                {
                    if (GeoDistance.Meters(fix.Lat!.Value, fix.Lon!.Value, point.Lat, point.Lon) <= point.RadiusMeters)
                    {
                        since ??= fix.At;
                        last = fix.At;
                        continue;
                    }
                    if (since is { } s) visits.Add((point.Code, track.Key, s, last!.Value - s));
                    since = null;
                }
                if (since is { } open) visits.Add((point.Code, track.Key, open, last!.Value - open));
            }
        }
        return visits;
    }

    /// <summary>Pairs of calls from one household — sharing a caller phone or a party's ID number — earlier first.</summary>
    internal static List<(AlarmInput Earlier, AlarmInput Later)> SameHousehold(IReadOnlyList<AlarmInput> calls)
    {
        var ordered = calls.OrderBy(a => a.ReceivedAt).ToList();
        var pairs = new List<(AlarmInput, AlarmInput)>();
        for (var i = 0; i < ordered.Count; i++)
            for (var j = i + 1; j < ordered.Count; j++)
                if (Keys(ordered[i]).Overlaps(Keys(ordered[j]))) pairs.Add((ordered[i], ordered[j]));
        return pairs;
    }

    private static HashSet<string> Keys(AlarmInput alarm) =>
        [alarm.CallerPhone!, .. (alarm.Parties ?? []).Select(p => p.IdNumber!)];
}
