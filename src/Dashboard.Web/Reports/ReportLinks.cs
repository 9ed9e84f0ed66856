namespace Dashboard.Web.Reports;

/// <summary>The report's addresses, so pages and tests build them one way.</summary>
public static class ReportLinks
{
    public static string Preview(string month, string jurisdictionCode) =>
        $"/reports/monthly/{Uri.EscapeDataString(month)}?jurisdiction={Uri.EscapeDataString(jurisdictionCode)}";

    public static string File(string month, string jurisdictionCode, ReportFormat format) =>
        $"/reports/monthly/{Uri.EscapeDataString(month)}.{format.ToString().ToLowerInvariant()}?jurisdiction={Uri.EscapeDataString(jurisdictionCode)}";
}
