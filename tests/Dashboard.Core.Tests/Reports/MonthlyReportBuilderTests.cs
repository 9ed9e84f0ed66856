using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Investigations;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Reports;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Dashboard.Core.Warnings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Tests.Reports;

/// <summary>October 2026 in Asia/Shanghai, with records on both sides of each month edge.</summary>
public sealed class MonthlyReportBuilderTests : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly ReportMonth October = new(2026, 10);
    private static readonly DateTimeOffset OctoberStart = new(2026, 10, 1, 0, 0, 0, Shanghai), NovemberStart = new(2026, 11, 1, 0, 0, 0, Shanghai);
    private const string G1 = "/T/S1/C1/G1/", G2 = "/T/S2/C2/G2/";

    private readonly TestDatabase _db = new();
    private MonthlyReportBuilder _builder = default!;

    public async Task InitializeAsync()
    {
        await _db.SeedTwoStationsAsync();
        _builder = new MonthlyReportBuilder(_db, new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), TimeProvider.System));
        await SeedAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    // Stored times are UTC, as ingestion and the registers keep them.
    private static DateTimeOffset Local(int year, int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, Shanghai).ToUniversalTime();

    private async Task SeedAsync()
    {
        await using var db = _db.CreateDbContext();
        var n = 0;
        Alarm Alarm(DateTimeOffset at, string category, string path) => new()
        {
            ExternalId = $"a{++n}", ReceivedAt = at, Category = category, Summary = "警情", JurisdictionPath = path, GridCode = path[^3..^1],
        };
        db.Alarms.AddRange(
            Alarm(Local(2026, 10, 31, 23, 59, 59), AlarmCategories.Criminal, G1),
            Alarm(NovemberStart.ToUniversalTime(), AlarmCategories.Criminal, G1),
            Alarm(OctoberStart.ToUniversalTime(), AlarmCategories.Criminal, G2),
            Alarm(Local(2026, 9, 30, 23, 59, 59), AlarmCategories.Criminal, G1),
            Alarm(Local(2026, 10, 15), AlarmCategories.PublicOrder, G2),
            Alarm(Local(2026, 10, 5), AlarmCategories.Traffic, G1),
            Alarm(Local(2025, 10, 10), AlarmCategories.PublicOrder, G1));

        db.Disputes.AddRange(
            Dispute("D1", DisputeCategory.Family, RiskColor.Red, G1, Local(2026, 10, 31, 23, 59, 59)),
            Dispute("D2", DisputeCategory.Neighbor, RiskColor.Green, G1, NovemberStart.ToUniversalTime()),
            Routed(Dispute("D3", DisputeCategory.Labor, RiskColor.Yellow, G2, Local(2026, 9, 20)), Local(2026, 10, 10)),
            Closed(Dispute("D4", DisputeCategory.Family, RiskColor.Green, G1, Local(2026, 10, 3)), Local(2026, 10, 20)),
            Closed(Dispute("D5", DisputeCategory.Land, RiskColor.Green, G2, Local(2025, 10, 12)), Local(2025, 10, 30)));

        var hazard = Item(InvestigationKind.PublicOrder, "rental", G1, Local(2026, 10, 10), major: true);
        hazard.Deadline = Local(2026, 10, 25);
        var fire = Item(InvestigationKind.Safety, "fire", "/T/S2/", Local(2026, 9, 5), major: false);
        fire.Resolve("已整改", Local(2026, 10, 2));
        db.InvestigationItems.AddRange(hazard, fire);

        db.Warnings.AddRange(Warning("w1", Local(2026, 10, 5)), Warning("w2", Local(2026, 10, 31, 23, 0)), Warning("w3", Local(2026, 9, 29)));
        await db.SaveChangesAsync();
        await new AlarmBuckets(_db).RebuildAsync(Local(2025, 1, 1), Local(2027, 1, 1));
    }

    private static Dispute Dispute(string number, DisputeCategory category, RiskColor risk, string path, DateTimeOffset at) => new()
    {
        CaseNumber = number, Category = category, Risk = risk, Description = $"{number} 纠纷", JurisdictionPath = path, RegisteredAt = at, RegisteredBy = "staff1",
    };

    private static Dispute Routed(Dispute d, DateTimeOffset deadline)
    {
        d.Route("青湖镇司法所", "李调解", null, deadline, "chief1", d.RegisteredAt);
        return d;
    }

    private static Dispute Closed(Dispute d, DateTimeOffset at)
    {
        Routed(d, at.AddDays(10));
        d.RecordMediation(new MediationRecord { At = at, Mediator = "李调解", Outcome = MediationOutcome.Success }, "officer1");
        d.RequestClosure("已调解", "officer1", at);
        d.ApproveClosure("chief1", at);
        return d;
    }

    private static InvestigationItem Item(InvestigationKind kind, string category, string path, DateTimeOffset at, bool major) => new()
    {
        Number = $"PC-{category}", Kind = kind, Category = category, Description = "出租屋消防通道堵塞", Major = major, ResponsibleUnit = "青湖派出所",
        ResponsiblePerson = "王警官", FoundAt = at, RecordedBy = "staff1", JurisdictionPath = path,
    };

    private static Warning Warning(string subject, DateTimeOffset at) => new()
    {
        ModelCode = ModelCodes.RepeatedDispute, SubjectKey = subject, Title = "重复纠纷", JurisdictionPath = G1, IssuedAt = at,
    };

    private Task<MonthlyReportContent> BuildAsync(string code) =>
        _builder.BuildAsync(_db.CreateDbContext().Jurisdictions.AsNoTracking().Single(x => x.Code == code), October);

    [Fact]
    public async Task An_alarm_at_23_59_59_on_the_last_day_counts_in_the_month_and_one_at_midnight_on_the_1st_does_not()
    {
        var report = await BuildAsync("T");

        Assert.Equal(2, report.Alarms.Criminal); // 10-31 23:59:59 and 10-01 00:00:00; not 11-01 00:00:00
        Assert.Equal(1, report.Alarms.CriminalLastMonth); // 09-30 23:59:59
        Assert.Equal((1, 1), (report.Alarms.PublicOrder, report.Alarms.PublicOrderLastYear));
        Assert.Equal(4, report.Alarms.Total);
        Assert.Equal(OctoberStart, report.From);
        Assert.Equal(NovemberStart, report.To);
    }

    [Fact]
    public async Task The_figures_equal_a_count_made_from_the_raw_rows()
    {
        var report = await BuildAsync("T");
        await using var db = _db.CreateDbContext();
        var disputes = await db.Disputes.AsNoTracking().ToListAsync();
        var items = await db.InvestigationItems.AsNoTracking().ToListAsync();
        var alarms = await db.Alarms.AsNoTracking().ToListAsync();
        bool InOctober(DateTimeOffset? at) => at >= OctoberStart && at < NovemberStart;
        bool OpenAtEnd(DateTimeOffset found, DateTimeOffset? resolved) => found < NovemberStart && (resolved is null || resolved >= NovemberStart);

        var d = report[ReportSection.Disputes];
        Assert.Equal(disputes.Count(x => InOctober(x.RegisteredAt)), d.Counts.Found);
        Assert.Equal(disputes.Count(x => InOctober(x.ClosedAt)), d.Counts.Resolved);
        Assert.Equal(disputes.Count(x => OpenAtEnd(x.RegisteredAt, x.ClosedAt)), d.Counts.InProgress);
        Assert.Equal(disputes.Count(x => OpenAtEnd(x.RegisteredAt, x.ClosedAt) && x.Deadline < NovemberStart), d.Counts.Overdue);
        Assert.Equal((2, 1, 2, 1), (d.Counts.Found, d.Counts.Resolved, d.Counts.InProgress, d.Counts.Overdue));
        Assert.Equal((1, 1), (d.LastMonth.Found, d.LastYear.Found));
        Assert.Equal(2, d.ByCategory.Single(r => r.Key == nameof(DisputeCategory.Family)).Counts.Found);
        Assert.Equal(Enum.GetNames<DisputeCategory>().Length, d.ByCategory.Count);
        Assert.Equal(2, d.ByCommunity.Single(r => r.Key == "C1").Counts.Found);

        var order = report[ReportSection.PublicOrder];
        Assert.Equal(items.Count(x => x.Kind == InvestigationKind.PublicOrder && InOctober(x.FoundAt)), order.Counts.Found);
        Assert.Equal((1, 0, 1, 1), (order.Counts.Found, order.Counts.Resolved, order.Counts.InProgress, order.Counts.Overdue));
        Assert.Equal(alarms.Count(a => InOctober(a.ReceivedAt)), report.Alarms.Total);
        Assert.Equal(alarms.Count(a => a.Category == AlarmCategories.Criminal && InOctober(a.ReceivedAt)), report.Alarms.Criminal);
        Assert.Equal((2, 0, 3), (report.Warnings.Issued, report.Warnings.Closed, report.Warnings.OpenAtEnd));
    }

    [Fact]
    public async Task An_investigation_with_nothing_found_is_a_zero_report_that_still_counts_what_was_resolved()
    {
        var report = await BuildAsync("T");

        Assert.False(report[ReportSection.Disputes].ZeroReport);
        Assert.True(report[ReportSection.Safety].ZeroReport);
        Assert.Equal(1, report[ReportSection.Safety].Counts.Resolved);
        Assert.True(report[ReportSection.Instability].ZeroReport);
        Assert.Equal(ReportCounts.Zero, report[ReportSection.Instability].Counts);
        // Recorded at station level, the resolved fire hazard has no community of its own.
        Assert.Equal(1, report[ReportSection.Safety].ByCommunity.Single(r => r.Key == "").Counts.Resolved);
    }

    [Fact]
    public async Task Major_items_list_red_disputes_and_major_hazards_with_who_is_responsible_and_whether_they_are_overdue()
    {
        var report = await BuildAsync("T");

        Assert.Equal(["D1", "PC-rental"], report.MajorItems.Select(i => i.Number));
        var hazard = report.MajorItems.Single(i => i.Number == "PC-rental");
        Assert.Equal(("青湖派出所", "王警官", true, false), (hazard.ResponsibleUnit, hazard.ResponsiblePerson, hazard.Overdue, hazard.Resolved));
    }

    [Fact]
    public async Task A_station_report_counts_only_its_own_records()
    {
        var report = await BuildAsync("S2");

        Assert.Equal(0, report[ReportSection.Disputes].Counts.Found);
        Assert.Equal((1, 1), (report[ReportSection.Disputes].Counts.InProgress, report[ReportSection.Disputes].Counts.Overdue));
        Assert.Equal((1, 1), (report.Alarms.Criminal, report.Alarms.PublicOrder));
        Assert.Equal(["C2"], report[ReportSection.Disputes].ByCommunity.Select(r => r.Key));
        Assert.Empty(report.MajorItems);
        Assert.Equal(0, report.Warnings.Issued);
    }

    [Theory]
    [InlineData("2026-10", true)]
    [InlineData("2026-13", false)]
    [InlineData("26-10", false)]
    [InlineData("1999-12", false)]
    [InlineData("2026-10-01", false)]
    [InlineData(null, false)]
    public void A_month_is_read_only_from_yyyy_MM(string? text, bool valid) => Assert.Equal(valid, ReportMonth.TryParse(text, out _));
}
