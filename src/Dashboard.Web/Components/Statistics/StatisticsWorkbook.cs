using System.Data;
using System.Globalization;
using Dashboard.Core.Statistics;
using Dashboard.Web.Components.Warnings;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Statistics;

/// <summary>The charts of the statistics page as they are downloaded: which sheets each chart's button exports.</summary>
public enum StatisticsChart { Daily, Comparisons, Grids, Hours, Response, Disputes, Warnings }

/// <summary>
/// The figures behind every chart as worksheets, headed in the reader's language (Chinese by default); blank where a rate
/// has nothing to divide by.
/// </summary>
public sealed class StatisticsWorkbook(IStringLocalizer l, PlaceNames places, string placeHeader)
{
    public IReadOnlyList<DataTable> Sheets(StatisticsFigures f, StatisticsChart? only = null) => new (StatisticsChart Chart, Func<DataTable> Build)[]
    {
        (StatisticsChart.Daily, () => Sheet("Daily", ["Stats.Date", "Stats.Alarms", "Stats.SameDayLastYear"],
            f.Daily.Select(d => new object?[] { d.Date.ToString(PeriodChoice.DateFormat, CultureInfo.InvariantCulture), d.Count, d.SameDayLastYear }))),
        (StatisticsChart.Comparisons, () => Compared("Categories", "Alarm.Category", f.Comparisons.ByCategory, c => l[$"Category.{c}"])),
        (StatisticsChart.Comparisons, () => Compared("Places", placeHeader, f.Comparisons.ByPlace, places.OfPath)),
        (StatisticsChart.Grids, () => Sheet("Grids", ["Stats.GridCode", "Stats.Place.Grid", "Stats.Alarms", "Stats.Population", "Stats.AreaKm2", "Stats.RatePerThousand", "Stats.RatePerKm2"],
            f.Grids.Select(g => new object?[] { g.Code, g.Name, g.Alarms, g.Population, Round(g.AreaKm2, 3), Round(g.PerThousandResidents, 2), Round(g.PerKm2, 2) }))),
        (StatisticsChart.Hours, () => Sheet("Hours", ["Stats.Weekday", .. Enumerable.Range(0, 24).Select(h => string.Format(CultureInfo.CurrentCulture, l["Stats.Hour"], h))],
            f.Hours.Counts.Select((day, i) => (object?[])[l["Stats.Weekdays"].Value.Split(',')[i], .. day.Cast<object?>()]))),
        (StatisticsChart.Response, () => Sheet("ResponseSpread", ["Stats.Minutes", "Stats.Alarms"],
            f.Response.Bins.Select(b => new object?[] { PlaceCharts.BinLabel(b), b.Count }))),
        (StatisticsChart.Response, () => Sheet("ResponsePlaces", [placeHeader, "Stats.Samples", "Stats.Col.Median", "Stats.Col.P90"],
            f.Response.ByPlace.Select(p => new object?[] { places.OfPath(p.Key), p.Samples, Round(p.MedianMinutes, 1), Round(p.P90Minutes, 1) }))),
        (StatisticsChart.Disputes, () => Sheet("Disputes", [placeHeader, "Stats.Success", "Stats.Failure", "Stats.SuccessRate"],
            f.Disputes.Select(d => new object?[] { places.OfPath(d.Key), d.Success, d.Failure, Round(d.SuccessPercent, 1) }))),
        (StatisticsChart.Warnings, () => Sheet("Warnings", ["Stats.Model", "WarningStats.Issued", "WarningStats.Closed"],
            f.Warnings.Select(w => new object?[] { l.ModelName(w.Model), w.Issued, w.Closed }))),
    }.Where(s => only is null || s.Chart == only).Select(s => s.Build()).ToList();

    private DataTable Compared(string name, string keyHeader, IReadOnlyList<Comparison> rows, Func<string, string> label) =>
        Sheet(name, [keyHeader, "Stats.Current", "Stats.Previous", "Stats.Col.VsPrevious", "Stats.LastYear", "Stats.Col.VsLastYear"],
            rows.Select(c => new object?[] { label(c.Key), c.Current, c.Previous, Round(c.VsPreviousPercent, 1), c.LastYear, Round(c.VsLastYearPercent, 1) }));

    private DataTable Sheet(string name, IEnumerable<string> headers, IEnumerable<object?[]> rows)
    {
        var table = new DataTable(l[$"Stats.Sheet.{name}"]);
        foreach (var header in headers) table.Columns.Add(l[header] is { ResourceNotFound: false } text ? text.Value : header, typeof(object));
        foreach (var row in rows) table.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        return table;
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
