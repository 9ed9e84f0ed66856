using System.Globalization;
using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Statistics;

namespace Dashboard.Web.Components.Desk;

/// <summary>
/// The overview's filter as its address carries it. Parsing normalises instead of failing: an unknown category or status, or
/// a station outside the caller's choices, means "all"; an unreadable period means the page's default period (today unless
/// the page says otherwise).
/// </summary>
public sealed record DeskFilter(string? Station, string? Category, PeriodChoice Period, AlarmStatus? Status, string? Text)
{
    public static readonly DeskFilter Default = new(null, null, PeriodChoice.Today, null, null);

    public static DeskFilter Parse(IReadOnlyCollection<string> stations, string? station, string? category, string? period,
        string? from, string? to, string? status, string? text, PeriodChoice? defaultPeriod = null) => new(
        station is not null && stations.Contains(station) ? station : null,
        AlarmCategories.IsCategory(category) ? category : null,
        PeriodChoice.Parse(period, from, to, defaultPeriod),
        Enum.GetValues<AlarmStatus>().Where(s => s.ToString().Equals(status, StringComparison.OrdinalIgnoreCase)).Select(s => (AlarmStatus?)s).FirstOrDefault(),
        text?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, AlarmFilter.MaxTextLength)] : null);

    /// <summary>The query parameters that reproduce this filter; defaults are left out so a plain "/" stays plain.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery(PeriodChoice? defaultPeriod = null) => new Dictionary<string, object?>
    {
        ["station"] = Station,
        ["category"] = Category,
        ["period"] = Period == (defaultPeriod ?? PeriodChoice.Today) ? null : Period.Code,
        ["from"] = Period.From?.ToString(PeriodChoice.DateFormat, CultureInfo.InvariantCulture),
        ["to"] = Period.To?.ToString(PeriodChoice.DateFormat, CultureInfo.InvariantCulture),
        ["status"] = Status?.ToString(),
        ["q"] = Text,
    };

    /// <summary>The caller's scope narrowed to the chosen station (one of <paramref name="stations"/>, which lie within it).</summary>
    public JurisdictionScope Narrow(JurisdictionScope scope, IEnumerable<JurisdictionNode> stations) =>
        stations.FirstOrDefault(s => s.Code == Station) is { } station ? new JurisdictionScope(station.Path) : scope;

    public AlarmFilter ToAlarmFilter(Period period) => new(Station, Category, period, Status, Text);
}
