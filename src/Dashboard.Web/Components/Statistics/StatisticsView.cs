using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Dashboard.Web.Components.Desk;

namespace Dashboard.Web.Components.Statistics;

/// <summary>
/// What the statistics page and its download show, read from the address: the caller's scope narrowed to the chosen station,
/// the period (the last 90 days unless another is chosen) and the category. Anything unreadable falls back; nothing fails.
/// </summary>
public sealed record StatisticsView(
    DeskFilter Filter, JurisdictionScope Scope, Period Period, JurisdictionLevel PlaceLevel, IReadOnlyList<JurisdictionNode> Stations)
{
    public static readonly PeriodChoice DefaultPeriod = PeriodChoice.Last90Days;

    public static async Task<StatisticsView> ReadAsync(JurisdictionScope caller, JurisdictionMap map, LocalCalendar calendar,
        string? station, string? category, string? period, string? from, string? to)
    {
        var stations = await map.StationsAsync(caller);
        var filter = DeskFilter.Parse(stations.Select(s => s.Code).ToList(), station, category, period, from, to, null, null, DefaultPeriod);
        var scope = filter.Narrow(caller, stations);
        // The places compared are one level below the scope's node: stations of a township, communities of a station.
        var level = (await map.NodesAsync()).FirstOrDefault(n => n.Path == scope.Path)?.Level ?? JurisdictionLevel.Township;
        return new StatisticsView(filter, scope, ChartQueries.Within(filter.Period.Resolve(calendar)),
            level < JurisdictionLevel.Grid ? level + 1 : JurisdictionLevel.Grid, stations);
    }
}
