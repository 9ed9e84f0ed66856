using Dashboard.Core.Warnings;

namespace Dashboard.Core.Statistics;

/// <summary>Alarms on one local day and on the same day a year earlier.</summary>
public sealed record DayCount(DateOnly Date, int Count, int SameDayLastYear);

/// <summary>A count now, in the period before (环比) and in the same period a year earlier (同比); keyed by category or path.</summary>
public sealed record Comparison(string Key, int Current, int Previous, int LastYear)
{
    public double? VsPreviousPercent => ChangePercent(Current, Previous);
    public double? VsLastYearPercent => ChangePercent(Current, LastYear);

    /// <summary>The relative change; null when there is nothing to compare with.</summary>
    private static double? ChangePercent(int current, int before) => before == 0 ? null : 100.0 * (current - before) / before;
}

/// <summary>The 同比/环比 tables: by category, and by the places one level below the scope (stations, or communities of a station).</summary>
public sealed record Comparisons(IReadOnlyList<Comparison> ByCategory, IReadOnlyList<Comparison> ByPlace);

/// <summary>One grid's alarms against its residents and its area; the outline is its boundary as [lon, lat] pairs.</summary>
public sealed record GridFigure(string Code, string Name, int Alarms, int Population, double AreaKm2, IReadOnlyList<double[]> Outline)
{
    public double? PerThousandResidents => Population > 0 ? 1000.0 * Alarms / Population : null;
    public double? PerKm2 => AreaKm2 > 0 ? Alarms / AreaKm2 : null;
}

/// <summary>Alarms per local weekday (row 0 is Monday) and hour of the day (column 0 is 00:00–00:59).</summary>
public sealed record WeekHours(IReadOnlyList<int[]> Counts)
{
    public int Total => Counts.Sum(day => day.Sum());
}

/// <summary>Alarms whose response took [FromMinute, ToMinute) minutes; the last bin has no upper end.</summary>
public sealed record ResponseBin(int FromMinute, int? ToMinute, int Count);

public sealed record ResponseFigures(string Key, int Samples, double? MedianMinutes, double? P90Minutes);

/// <summary>Minutes from the call to the first unit on scene: the spread over all alarms, and median and 90th percentile per place.</summary>
public sealed record ResponseSpread(IReadOnlyList<ResponseBin> Bins, IReadOnlyList<ResponseFigures> ByPlace);

/// <summary>Cases closed in the period by one place, mediated successfully or not.</summary>
public sealed record DisputeOutcomes(string Key, int Success, int Failure)
{
    public double? SuccessPercent => Success + Failure == 0 ? null : 100.0 * Success / (Success + Failure);
}

/// <summary>Everything the statistics page shows (and exports) for one scope, period and category.</summary>
public sealed record StatisticsFigures(
    IReadOnlyList<DayCount> Daily, Comparisons Comparisons, IReadOnlyList<GridFigure> Grids, WeekHours Hours,
    ResponseSpread Response, IReadOnlyList<DisputeOutcomes> Disputes, IReadOnlyList<WarningCounts> Warnings);
