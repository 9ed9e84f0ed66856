using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace Dashboard.Web.Components.Statistics;

/// <summary>A chart of traces and its layout, before the theme is applied.</summary>
public sealed record ChartSpec(IList<ITrace> Data, Plotly.Blazor.Layout Layout);

/// <summary>
/// Chart colours and type for the light desk and the dark wall, matching the app's palettes (desk primary #1565c0, wall
/// blue #3d8bff). The heat scale runs from "nothing" to the app's alarm red.
/// </summary>
public sealed record ChartTheme(string Text, string Grid, string Current, string Compare, string Accent, string Outline,
    string[] Heat, int FontSize, bool Interactive)
{
    public const string Fonts = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, Source Han Sans SC, sans-serif";

    public static readonly ChartTheme Desk = new("#1f2937", "#e5e7eb", "#1565c0", "#90a4ae", "#ef6c00", "#ffffff",
        ["#fff7ec", "#fdbb84", "#ef6548", "#c62828"], 12, true);

    public static readonly ChartTheme Wall = new("#dbe9ff", "rgba(31,79,143,.55)", "#3d8bff", "#4b5d78", "#ffb74d", "#0b2347",
        ["#0b2347", "#1f4f8f", "#ffb74d", "#ff5252"], 15, false);

    /// <summary>The heat scale as Plotly takes it: [[position, colour], …] from 0 to 1.</summary>
    public object[] HeatScale => Heat.Select((c, i) => new object[] { (double)i / (Heat.Length - 1), c }).ToArray();

    /// <summary>The colour at <paramref name="fraction"/> (0–1) of the heat scale, for shapes Plotly cannot colour by value.</summary>
    public string HeatAt(double fraction)
    {
        var position = Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1) * (Heat.Length - 1);
        var i = Math.Min((int)position, Heat.Length - 2);
        var (a, b) = (Rgb(Heat[i]), Rgb(Heat[i + 1]));
        var t = position - i;
        return "#" + string.Concat(a.Zip(b, (x, y) => ((int)Math.Round(x + (y - x) * t)).ToString("x2", CultureInfo.InvariantCulture)));
    }

    private static int[] Rgb(string hex) => [Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16)];

    /// <summary>Type, transparent background and axis colours on a spec's layout; a builder's own settings stay.</summary>
    public Plotly.Blazor.Layout Apply(Plotly.Blazor.Layout layout)
    {
        layout.Font ??= new Font { Family = Fonts, Color = Text, Size = FontSize };
        layout.PaperBgColor ??= "rgba(0,0,0,0)";
        layout.PlotBgColor ??= "rgba(0,0,0,0)";
        layout.Margin ??= new Margin { L = 48, R = 16, T = 16, B = 40 };
        layout.AutoSize = true;
        foreach (var axis in layout.XAxis ?? []) (axis.GridColor, axis.LineColor) = (axis.GridColor ?? Grid, axis.LineColor ?? Grid);
        foreach (var axis in layout.YAxis ?? []) (axis.GridColor, axis.LineColor) = (axis.GridColor ?? Grid, axis.LineColor ?? Grid);
        return layout;
    }
}
