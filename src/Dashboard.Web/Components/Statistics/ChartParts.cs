using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Web.Components.Statistics;

/// <summary>The few trace and axis shapes the statistics charts are made of.</summary>
internal static class ChartParts
{
    public static Bar Bars(string name, IEnumerable<string> x, IEnumerable<double?> y, string color, Func<double?, string>? label = null)
    {
        var values = y.ToList();
        return new Bar
        {
            Name = name, X = x.Cast<object>().ToList(), Y = values.Select(v => (object?)v).ToList()!, Marker = new() { Color = color },
            TextArray = label is null ? null : values.Select(label).ToList(), TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside,
        };
    }

    public static Scatter Line(string name, IList<object> x, IEnumerable<int> y, string color, string? dash = null) => new()
    {
        Name = name, X = x, Y = y.Cast<object>().ToList(), Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
        Line = new() { Color = color, Width = 2, Dash = dash },
    };

    public static XAxis XTitled(string? title) => new() { Title = title is null ? null : new() { Text = title }, AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True };

    public static YAxis YTitled(string title) => new()
    {
        Title = new() { Text = title }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero, AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True,
    };

    public static IList<Legend> LegendOnTop => [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0, Y = 1.15m }];

    public static ChartSpec Spec(Plotly.Blazor.Layout layout, params ITrace[] traces) => new(traces.ToList(), layout);

    /// <summary>A chart with nothing to show says so in its middle instead of drawing empty axes.</summary>
    public static ChartSpec Empty(string message) => new([], new Plotly.Blazor.Layout
    {
        XAxis = [new XAxis { Visible = false }], YAxis = [new YAxis { Visible = false }],
        Annotations = [new Annotation { Text = message, ShowArrow = false, XRef = "paper", YRef = "paper", X = 0.5, Y = 0.5 }],
    });
}
