using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Dashboard.Core.Statistics;
using Dashboard.Core.Time;
using Dashboard.Web.Tests.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Statistics;

/// <summary>Case buckets (disputes, warnings) against the raw rows they count, moved by the real services.</summary>
public sealed class CaseBucketTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly JurisdictionScope Township = new("/T001/");
    private static readonly JurisdictionScope Station1 = new("/T001/S001/");
    private static readonly JurisdictionScope Station2 = new("/T001/S002/");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly CaseActor Staff = new("staff1", Township, new HashSet<string> { Roles.Staff });
    private static readonly CaseActor Chief1 = new("chief1", Station1, new HashSet<string> { Roles.StationChief });

    private DisputeWorkflow Workflow => app.Services.GetRequiredService<DisputeWorkflow>();
    private CaseBuckets Cases => app.Services.GetRequiredService<CaseBuckets>();

    private async Task<long> RegisterAsync(string station, string risk)
    {
        var grid = await app.QueryAsync(db => db.Jurisdictions
            .Where(n => n.Level == JurisdictionLevel.Grid && n.Path.StartsWith($"/T001/{station}/")).Select(n => n.Code).FirstAsync());
        var (lat, lon, _, _) = await app.InsideGridAsync(grid);
        var outcome = await app.Services.GetRequiredService<DisputeIntake>().RegisterAsync(new DisputeInput(null, null, null, "Neighbor", risk,
            "邻里排水纠纷", "某村2组", new GeoPoint(lat, lon), null, 2, [new PartyInput("赵某某", null, null, "申请人")]), DisputeSource.Staff, "staff1", Township);
        Assert.True(outcome.Accepted);
        return outcome.Value!.Id;
    }

    private async Task CloseAsync(long id, MediationOutcome outcome)
    {
        await Workflow.RouteAsync(id, "司法所", "孙某", null, Staff);
        await Workflow.RecordMediationAsync(id, new MediationRecord { At = app.Clock.GetUtcNow(), Mediator = "孙某", Outcome = outcome }, Staff);
        await Workflow.RequestClosureAsync(id, "已调处", Staff);
        await Workflow.ApproveClosureAsync(id, Chief1);
    }

    private static DateTimeOffset LocalDay(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Shanghai);
        return new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
    }

    // "/T001/S001/C002/" → "/T001/", "/T001/S001/", "/T001/S001/C002/"
    private static IEnumerable<string> AndAbove(string path) =>
        path.Select((c, i) => (c, i)).Where(x => x.c == '/' && x.i > 0).Select(x => path[..(x.i + 1)]);

    /// <summary>What every case bucket should hold, counted here from the raw disputes and warnings.</summary>
    private async Task<Dictionary<(CaseKind, DateTimeOffset, string, string), (int, int, int)>> RawAsync()
    {
        var disputes = await app.QueryAsync(db => db.Disputes.Select(d => new { d.RegisteredAt, d.ClosedAt, d.Status, d.Risk, d.Outcome, d.SupervisedAt, d.JurisdictionPath }).ToListAsync());
        var warnings = await app.QueryAsync(db => db.Warnings.Select(w => new { w.IssuedAt, w.State, w.ModelCode, w.JurisdictionPath }).ToListAsync());
        var facts = disputes.SelectMany(d => AndAbove(d.JurisdictionPath).SelectMany(path =>
            {
                var open = d.Status != DisputeStatus.Closed;
                var registered = (CaseKind.DisputeRegistered, LocalDay(d.RegisteredAt), path, d.Risk.ToString(), open, open && d.SupervisedAt != null);
                return open ? [registered] : new[] { registered, (CaseKind.DisputeClosed, LocalDay(d.ClosedAt!.Value), path, d.Outcome.ToString(), false, false) };
            }))
            .Concat(warnings.SelectMany(w => AndAbove(w.JurisdictionPath)
                .Select(path => (CaseKind.WarningIssued, LocalDay(w.IssuedAt), path, w.ModelCode, w.State != Dashboard.Core.Warnings.WarningState.Closed, false))));
        return facts.GroupBy(f => (f.Item1, f.Item2, f.path, f.Item4))
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(f => f.Item5), g.Count(f => f.Item6)));
    }

    private Task<Dictionary<(CaseKind, DateTimeOffset, string, string), (int, int, int)>> BucketsAsync() =>
        app.QueryAsync(db => db.CaseBuckets.ToDictionaryAsync(b => (b.Kind, b.Day, b.JurisdictionPath, b.Key), b => (b.Count, b.Open, b.Supervised)));

    /// <summary>The buckets follow a committed change off its path: wait until they have caught up with the rows.</summary>
    private async Task BucketsCatchUpAsync()
    {
        var (raw, buckets) = (await RawAsync(), await BucketsAsync());
        for (var i = 0; i < 100 && !raw.OrderBy(x => x.Key).SequenceEqual(buckets.OrderBy(x => x.Key)); i++)
        {
            await Task.Delay(50);
            (raw, buckets) = (await RawAsync(), await BucketsAsync());
        }
        Assert.Equal(raw.OrderBy(x => x.Key), buckets.OrderBy(x => x.Key));
    }

    private async Task<(int Open, int Red, int Supervised)> RawDisputeBacklogAsync(JurisdictionScope scope) => await app.QueryAsync(async db =>
    {
        var open = db.Disputes.Where(d => d.JurisdictionPath.StartsWith(scope.Path) && d.Status != DisputeStatus.Closed);
        return (await open.CountAsync(), await open.CountAsync(d => d.Risk == RiskColor.Red), await open.CountAsync(d => d.SupervisedAt != null));
    });

    [Fact]
    public async Task The_backlog_follows_cases_through_registration_supervision_and_closure_and_equals_the_raw_rows()
    {
        var before = await Cases.BacklogAsync(Station1);
        var red = await RegisterAsync("S001", "Red");
        var late = await RegisterAsync("S001", "Yellow");
        var closed = await RegisterAsync("S001", "Red");
        await RegisterAsync("S002", "Red");
        await Workflow.RouteAsync(late, "司法所", "孙某", null, Staff);
        await CloseAsync(closed, MediationOutcome.Success);
        app.Clock.Advance(TimeSpan.FromDays(8)); // past the yellow case's 7-day deadline
        await app.Services.GetRequiredService<DisputeSupervision>().ScanAsync();
        // The scheduled scan (every 5 minutes, on the same clock) may have got there first: either way it is supervised.
        Assert.NotNull(await app.QueryAsync(db => db.Disputes.Where(d => d.Id == late).Select(d => d.SupervisedAt).SingleAsync()));
        await new WarningMaker(app).RepeatedDisputeAsync("S001", "东湖村7组9号");

        await BucketsCatchUpAsync();
        var backlog = await Cases.BacklogAsync(Station1);
        Assert.Equal((before.DisputesOpen + 2, before.DisputesRed + 1, before.DisputesSupervised + 1),
            (backlog.DisputesOpen, backlog.DisputesRed, backlog.DisputesSupervised));
        Assert.Equal(await RawDisputeBacklogAsync(Station1), (backlog.DisputesOpen, backlog.DisputesRed, backlog.DisputesSupervised));
        Assert.Equal(await app.QueryAsync(db => db.Warnings.CountAsync(w => w.JurisdictionPath.StartsWith(Station1.Path) && w.State != Dashboard.Core.Warnings.WarningState.Closed)),
            backlog.WarningsOpen);
        var township = await Cases.BacklogAsync(Township);
        Assert.Equal(await RawDisputeBacklogAsync(Township), (township.DisputesOpen, township.DisputesRed, township.DisputesSupervised));
        Assert.Equal(township.DisputesOpen - backlog.DisputesOpen, (await Cases.BacklogAsync(Station2)).DisputesOpen);

        // The headline figures and the charts read the same buckets.
        var kpi = await app.Services.GetRequiredService<KpiQueries>().ComputeAsync(Station1, PeriodChoice.Today.Resolve(app.Services.GetRequiredService<LocalCalendar>()));
        Assert.Equal((backlog.DisputesOpen, backlog.DisputesRed, backlog.DisputesSupervised, backlog.WarningsOpen),
            (kpi.DisputesOpen, kpi.DisputesRed, kpi.DisputesOverdue, kpi.OpenWarnings));
        // Statistics periods are whole local days (buckets are counted by the day they start): a period cut mid-day
        // would count raw rows the buckets leave out, late in the day in Asia/Shanghai.
        var calendar = app.Services.GetRequiredService<LocalCalendar>();
        var recent = new Period(calendar.DayOf(app.Clock.GetUtcNow().AddDays(-9)).Start, calendar.DayOf(app.Clock.GetUtcNow()).End);
        var charts = await app.Services.GetRequiredService<ChartQueries>().AllAsync(Township, recent, null);
        var closedRaw = await app.QueryAsync(db => db.Disputes.CountAsync(d => d.Status == DisputeStatus.Closed && d.Outcome == MediationOutcome.Success
            && d.JurisdictionPath.StartsWith(Station1.Path) && d.ClosedAt >= recent.From && d.ClosedAt < recent.To));
        Assert.Equal(closedRaw, charts.Disputes.Single(d => d.Key == Station1.Path).Success);
        Assert.True(closedRaw >= 1);
        var issuedRaw = await app.QueryAsync(db => db.Warnings.Where(w => w.IssuedAt >= recent.From && w.IssuedAt < recent.To)
            .GroupBy(w => w.ModelCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(issuedRaw.OrderBy(w => w.Key), charts.Warnings.ToDictionary(w => w.Model, w => w.Issued).OrderBy(w => w.Key));
    }

    [Fact]
    public async Task A_rebuild_makes_the_case_buckets_equal_the_raw_rows_whatever_they_held()
    {
        await CloseAsync(await RegisterAsync("S001", "Green"), MediationOutcome.Failure);
        await RegisterAsync("S002", "Yellow");
        await BucketsCatchUpAsync();
        await app.QueryAsync(async db =>
        {
            await db.CaseBuckets.Take(3).ExecuteUpdateAsync(s => s.SetProperty(b => b.Open, 99));
            db.CaseBuckets.Add(new CaseBucket { Kind = CaseKind.DisputeClosed, Day = LocalDay(app.Clock.GetUtcNow().AddDays(-30)), JurisdictionPath = "/T001/nowhere/", Depth = 2, Key = "Success", Count = 4 });
            return await db.SaveChangesAsync();
        });
        Assert.NotEqual(await RawAsync(), await BucketsAsync());

        var counted = await Cases.RebuildAsync(app.Clock.GetUtcNow().AddDays(-60), app.Clock.GetUtcNow().AddDays(1));

        Assert.Equal((await RawAsync()).OrderBy(x => x.Key), (await BucketsAsync()).OrderBy(x => x.Key));
        Assert.True(counted >= 3);
    }
}
