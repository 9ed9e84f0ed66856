using System.Globalization;
using Dashboard.Core.Statistics;
using Dashboard.Core.Warnings;
using Dashboard.Web.Components.Warnings;
using Microsoft.Extensions.Localization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using static Dashboard.Web.Components.Statistics.ChartParts;

namespace Dashboard.Web.Components.Statistics;

/// <summary>How the places of a scope compare: response times, mediation success and warnings.</summary>
public static class PlaceCharts
{
    public static ChartSpec ResponseSpread(ResponseSpread times, ChartTheme theme, IStringLocalizer l) => Spec(
        new Plotly.Blazor.Layout { XAxis = [XTitled(l["Stats.Minutes"])], YAxis = [YTitled(l["Stats.Alarms"])], BarGap = 0.05m },
        Bars(l["Stats.Alarms"], times.Bins.Select(BinLabel), times.Bins.Select(b => (double?)b.Count), theme.Current));

    public static string BinLabel(ResponseBin bin) => bin.ToMinute is { } to ? $"{bin.FromMinute}–{to}" : $"≥{bin.FromMinute}";

    public static ChartSpec ResponseByPlace(ResponseSpread times, Func<string, string> name, ChartTheme theme, IStringLocalizer l)
    {
        if (times.ByPlace.All(p => p.Samples == 0)) return Empty(l["Stats.Nothing"]);
        var places = times.ByPlace.Select(p => name(p.Key)).ToList();
        return Spec(new Plotly.Blazor.Layout { XAxis = [XTitled(null)], YAxis = [YTitled(l["Stats.Minutes"])], BarMode = BarModeEnum.Group, Legend = LegendOnTop },
            Bars(l["Stats.Median"], places, times.ByPlace.Select(p => p.MedianMinutes), theme.Current, Decimal),
            Bars(l["Stats.P90"], places, times.ByPlace.Select(p => p.P90Minutes), theme.Accent, Decimal));
    }

    public static ChartSpec DisputeSuccess(IReadOnlyList<DisputeOutcomes> rows, Func<string, string> name, ChartTheme theme, IStringLocalizer l)
    {
        if (rows.All(r => r.SuccessPercent is null)) return Empty(l["Stats.Nothing"]);
        var axis = YTitled(l["Stats.SuccessRate"]);
        axis.Range = [0, 110];
        return Spec(new Plotly.Blazor.Layout { XAxis = [XTitled(null)], YAxis = [axis] },
            Bars(l["Stats.SuccessRate"], rows.Select(r => name(r.Key)), rows.Select(r => r.SuccessPercent), theme.Current, Percent));
    }

    public static ChartSpec WarningModels(IReadOnlyList<WarningCounts> rows, ChartTheme theme, IStringLocalizer l)
    {
        if (rows.Count == 0) return Empty(l["WarningStats.None"]);
        var models = rows.Select(r => l.ModelName(r.Model)).ToList();
        return Spec(new Plotly.Blazor.Layout { XAxis = [XTitled(null)], YAxis = [YTitled(l["Stats.Warnings"])], BarMode = BarModeEnum.Group, Legend = LegendOnTop },
            Bars(l["WarningStats.Issued"], models, rows.Select(r => (double?)r.Issued), theme.Current),
            Bars(l["WarningStats.Closed"], models, rows.Select(r => (double?)r.Closed), theme.Compare));
    }

    private static string Decimal(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static string Percent(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + "%" : "";
}
