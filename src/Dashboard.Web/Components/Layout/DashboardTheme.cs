using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>The desk theme; fonts are the ones installed on the viewing machine (no web fonts on a closed network).</summary>
public static class DashboardTheme
{
    private static readonly string[] Fonts = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "sans-serif"];

    public static readonly MudTheme Desk = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            AppbarBackground = "#0d2c54",
            Background = "#f4f6f9",
            DrawerBackground = "#ffffff",
        },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = Fonts } },
    };
}
