using System.Globalization;
using Dashboard.Core.Reports;
using Dashboard.Core.Time;
using Dashboard.Web.Components.Warnings;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Reports;

/// <summary>
/// The report as the meeting's Word document: A4, 宋体 body and 黑体 headings, real tables with a repeated header row, a
/// zero-report line for every investigation with nothing found, and the signature block at the end.
/// </summary>
internal static class MonthlyReportWord
{
    private const string BodyFont = "宋体", HeadingFont = "黑体", LatinFont = "Times New Roman";

    public static byte[] Render(MonthlyReport report, IStringLocalizer l, LocalCalendar calendar)
    {
        var content = report.Content;
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Heading(string.Format(CultureInfo.CurrentCulture, l["Report.Title"], content.JurisdictionName, l.MonthName(content.Month)), 36, center: true));
            body.Append(Line(string.Format(CultureInfo.CurrentCulture, l["Report.Range"],
                calendar.ToLocal(content.From).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                calendar.ToLocal(content.To).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), center: true));

            var number = 0;
            foreach (var section in content.Sections) AppendSection(body, l, section, ++number);
            AppendMajorItems(body, l, content.MajorItems, calendar, ++number);
            body.Append(Heading(Numbered(l, ++number, l["Report.Warnings"]), 28));
            body.Append(Line(l.WarningSummary(content.Warnings)));
            if (content.Warnings.ByModel.Count > 0)
                body.Append(TableOf([l["Report.Col.Model"], l["Report.Col.Issued"], l["Report.Col.Closed"]],
                    content.Warnings.ByModel.Select(r => new[] { l.ModelName(r.ModelCode), Num(r.Issued), Num(r.Closed) })));
            body.Append(Heading(Numbered(l, ++number, l["Report.Alarms"]), 28));
            body.Append(Line(l.AlarmSummary(content.Alarms)));
            body.Append(TableOf(AlarmHeaders(l), AlarmRows(l, content.Alarms)));
            AppendSignature(body, l, report, calendar);
            body.Append(PageSetup());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static string[] AlarmHeaders(IStringLocalizer l) =>
        [l["Report.Col.Kind"], l["Report.Col.ThisMonth"], l["Report.Col.LastMonthCount"], l["Report.Col.MoM"], l["Report.Col.LastYearCount"], l["Report.Col.YoY"]];

    public static IEnumerable<string[]> AlarmRows(IStringLocalizer l, AlarmSummary a) =>
        new (string Key, int Now, int Before, int Ago)[]
        {
            ("Report.Alarm.Total", a.Total, a.TotalLastMonth, a.TotalLastYear),
            ("Report.Alarm.Criminal", a.Criminal, a.CriminalLastMonth, a.CriminalLastYear),
            ("Report.Alarm.PublicOrder", a.PublicOrder, a.PublicOrderLastMonth, a.PublicOrderLastYear),
        }.Select(r => new[] { l[r.Key].Value, Num(r.Now), Num(r.Before), l.Change(r.Now, r.Before), Num(r.Ago), l.Change(r.Now, r.Ago) });

    public static string[] CountHeaders(IStringLocalizer l, string first) =>
        [first, l["Report.Col.Found"], l["Report.Col.Resolved"], l["Report.Col.InProgress"], l["Report.Col.Overdue"]];

    public static string[] CountCells(string first, ReportCounts c) => [first, Num(c.Found), Num(c.Resolved), Num(c.InProgress), Num(c.Overdue)];

    private static void AppendSection(Body body, IStringLocalizer l, SectionReport s, int number)
    {
        body.Append(Heading(Numbered(l, number, l.SectionName(s.Section)), 28));
        body.Append(Line(l.SectionSummary(s)));
        if (s.ZeroReport && s.Counts.InProgress == 0 && s.Counts.Resolved == 0) return;
        body.Append(Line(l["Report.ByCategory"], bold: true));
        body.Append(TableOf(CountHeaders(l, l["Report.Col.Category"]),
            s.ByCategory.Select(r => CountCells(l.CategoryName(s.Section, r.Key), r.Counts))));
        body.Append(Line(l["Report.ByCommunity"], bold: true));
        body.Append(TableOf(CountHeaders(l, l["Report.Col.Community"]), s.ByCommunity.Select(r => CountCells(l.CommunityName(r), r.Counts))));
    }

    private static void AppendMajorItems(Body body, IStringLocalizer l, IReadOnlyList<MajorItem> items, LocalCalendar calendar, int number)
    {
        body.Append(Heading(Numbered(l, number, l["Report.Major"]), 28));
        if (items.Count == 0)
        {
            body.Append(Line(l["Report.NoMajor"]));
            return;
        }
        body.Append(TableOf(
            [l["Report.Col.Section"], l["Report.Col.Number"], l["Report.Col.Category"], l["Report.Col.Item"], l["Report.Col.Unit"],
             l["Report.Col.Person"], l["Report.Col.Deadline"], l["Report.Col.State"]],
            items.Select(i => new[]
            {
                l.SectionName(i.Section), i.Number, l.CategoryName(i.Section, i.Category), i.Summary, i.ResponsibleUnit ?? "",
                i.ResponsiblePerson ?? "", i.Deadline is { } d ? calendar.ToLocal(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                l.ItemState(i),
            })));
    }

    private static void AppendSignature(Body body, IStringLocalizer l, MonthlyReport report, LocalCalendar calendar)
    {
        body.Append(Line(""));
        body.Append(TableOf([l["Report.Sign.Preparer"], l["Report.Sign.Reviewer"], l["Report.Sign.Head"]], [["", "", ""]], signature: true));
        body.Append(Line(l["Report.Sign.Date"]));
        body.Append(Line(string.Format(CultureInfo.CurrentCulture, l["Report.Generated"],
            calendar.ToLocal(report.GeneratedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), report.Revision), size: 18));
    }

    private static string Numbered(IStringLocalizer l, int number, string title) =>
        string.Format(CultureInfo.CurrentCulture, l["Report.Numbered"], l[$"Report.Number.{number}"], title);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Paragraph Heading(string text, int halfPoints, bool center = false) => new(
        new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" },
            new Justification { Val = center ? JustificationValues.Center : JustificationValues.Left }),
        new Run(new RunProperties(new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = HeadingFont }, new Bold(),
            new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Line(string text, bool bold = false, bool center = false, int size = 0)
    {
        var run = new RunProperties();
        if (bold) run.Append(new Bold());
        if (size > 0) run.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "80" },
                new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both }),
            new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table TableOf(string[] headers, IEnumerable<string[]> rows, bool signature = false)
    {
        var border = signature ? BorderValues.None : BorderValues.Single;
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new LeftBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new RightBorder { Val = border, Size = 4 }, new InsideHorizontalBorder { Val = border, Size = 4 },
                new InsideVerticalBorder { Val = border, Size = 4 }),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })));
        table.Append(new TableGrid(headers.Select(_ => new GridColumn())));
        table.Append(Row(headers, header: true, tall: false));
        foreach (var row in rows) table.Append(Row(row, header: false, tall: signature));
        return table;
    }

    private static TableRow Row(string[] cells, bool header, bool tall)
    {
        var properties = new TableRowProperties();
        if (header) properties.Append(new TableHeader());
        if (tall) properties.Append(new TableRowHeight { Val = 1200 });
        var row = new TableRow(properties);
        row.Append(cells.Select(text => new TableCell(
            new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = header ? "E7ECF3" : "auto" },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
            new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(header ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve })))));
        return row;
    }

    private static SectionProperties PageSetup() => new(
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 });

    /// <summary>Default fonts for the whole document: 宋体 for Chinese, Times New Roman for Latin text, 小四 (12 pt).</summary>
    private static Styles Styles() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = BodyFont, ComplexScript = LatinFont },
            new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" },
            new Languages { Val = "en-US", EastAsia = "zh-CN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto }))));
}
