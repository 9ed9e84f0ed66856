using System.Globalization;
using Dashboard.Core.Statistics;
using Microsoft.Extensions.Localization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using static Dashboard.Web.Components.Statistics.ChartParts;

namespace Dashboard.Web.Components.Statistics;

/// <summary>When alarms happen: per local day against the same day last year, and per weekday and hour.</summary>
public static class TimeCharts
{
    public static ChartSpec Daily(IReadOnlyList<DayCount> days, ChartTheme theme, IStringLocalizer l)
    {
        // Local dates as plain text: the axis shows the day they are, whatever zone the browser is in.
        var x = days.Select(d => (object)d.Date.ToString(PeriodChoice.DateFormat, CultureInfo.InvariantCulture)).ToList();
        return Spec(new Plotly.Blazor.Layout
            {
                XAxis = [new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date, TickFormat = "%m-%d", HoverFormat = "%Y-%m-%d", ShowGrid = false }],
                YAxis = [YTitled(l["Stats.Alarms"])],
                HoverMode = HoverModeEnum.XUnified, Legend = LegendOnTop,
            },
            Line(l["Stats.ThisPeriod"], x, days.Select(d => d.Count), theme.Current),
            Line(l["Stats.SameDayLastYear"], x, days.Select(d => d.SameDayLastYear), theme.Compare, "dot"));
    }

    public static ChartSpec HourOfWeek(WeekHours hours, ChartTheme theme, IStringLocalizer l) => Spec(new Plotly.Blazor.Layout
        {
            XAxis = [Hours(XTitled(l["Stats.HourOfDay"]))],
            YAxis = [new YAxis { AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed, ShowGrid = false, ZeroLine = false }],
        },
        new HeatMap
        {
            Z = hours.Counts.Cast<object>().ToList(), X = Enumerable.Range(0, 24).Cast<object>().ToList(),
            Y = l["Stats.Weekdays"].Value.Split(',').Cast<object>().ToList(),
            ColorScale = theme.HeatScale, XGap = 1, YGap = 1, ColorBar = new() { Thickness = 10 },
            HoverTemplate = l["Stats.HourHover"] + "<extra></extra>",
        });

    private static XAxis Hours(XAxis axis)
    {
        (axis.DTick, axis.ShowGrid, axis.ZeroLine) = (2, false, false);
        return axis;
    }
}
