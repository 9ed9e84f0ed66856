using System.Globalization;
using Dashboard.Core.Statistics;
using Microsoft.Extensions.Localization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Web.Components.Statistics;

public enum GridRate { PerThousandResidents, PerKm2 }

/// <summary>
/// Hot areas: each grid polygon filled by its alarm rate. Drawn as filled scatter shapes on plain lon/lat axes, not Plotly's
/// geo or map traces, which fetch map data from the internet. The y axis is tied to the x axis at 1/cos(latitude) so a
/// square kilometre looks square.
/// </summary>
public static class GridMapChart
{
    public static double? Rate(GridFigure grid, GridRate rate) => rate == GridRate.PerKm2 ? grid.PerKm2 : grid.PerThousandResidents;

    public static ChartSpec Build(IReadOnlyList<GridFigure> grids, GridRate rate, ChartTheme theme, IStringLocalizer l)
    {
        var max = grids.Select(g => Rate(g, rate) ?? 0).DefaultIfEmpty(0).Max();
        var unit = l[rate == GridRate.PerKm2 ? "Stats.PerKm2" : "Stats.PerThousand"].Value;
        var traces = grids.Where(g => g.Outline.Count > 2).Select(g => (ITrace)new Scatter
        {
            Name = g.Name, X = g.Outline.Select(p => (object)p[0]).ToList(), Y = g.Outline.Select(p => (object)p[1]).ToList(),
            Mode = ModeFlag.Lines, Fill = FillEnum.ToSelf, FillColor = theme.HeatAt(max == 0 ? 0 : (Rate(g, rate) ?? 0) / max),
            Line = new() { Color = theme.Outline, Width = 1 }, HoverOn = HoverOnFlag.Fills, HoverInfo = HoverInfoFlag.Text, ShowLegend = false,
            Text = string.Format(CultureInfo.CurrentCulture, l["Stats.GridHover"], g.Name, Rate(g, rate) ?? 0, unit, g.Alarms),
        }).ToList();
        if (traces.Count > 0) traces.Add(ColourBar(grids.First(g => g.Outline.Count > 2), max, unit, theme));

        var latitude = grids.SelectMany(g => g.Outline).Select(p => p[1]).DefaultIfEmpty(0).Average();
        return new ChartSpec(traces, new Plotly.Blazor.Layout
        {
            XAxis = [new XAxis { Visible = false, Constrain = Plotly.Blazor.LayoutLib.XAxisLib.ConstrainEnum.Domain }],
            YAxis = [new YAxis { Visible = false, ScaleAnchor = "x", ScaleRatio = (decimal)(1 / Math.Cos(latitude * Math.PI / 180)) }],
            Margin = new Margin { L = 8, R = 8, T = 8, B = 8 }, HoverMode = HoverModeEnum.Closest,
        });
    }

    // Filled shapes carry no colour scale of their own: one invisible point shows the bar.
    private static Scatter ColourBar(GridFigure anchor, double max, string unit, ChartTheme theme) => new()
    {
        X = [anchor.Outline[0][0]], Y = [anchor.Outline[0][1]], Mode = ModeFlag.Markers, HoverInfo = HoverInfoFlag.Skip, ShowLegend = false,
        Marker = new()
        {
            Size = 0, Opacity = 0, ColorScale = theme.HeatScale, CMin = 0, CMax = (decimal)Math.Max(max, 0.001), ShowScale = true,
            ColorArray = [0], ColorBar = new() { Thickness = 10, Title = new() { Text = unit } },
        },
    };
}
