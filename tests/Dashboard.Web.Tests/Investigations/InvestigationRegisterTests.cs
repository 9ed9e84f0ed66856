using Dashboard.Core;
using Dashboard.Core.Disputes;
using Dashboard.Core.Investigations;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Investigations;

public sealed class InvestigationRegisterTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private static readonly CaseActor Staff = new("staff1", new("/T001/"), new HashSet<string> { Roles.Staff });
    private static readonly CaseActor Chief1 = new("chief1", new("/T001/S001/"), new HashSet<string> { Roles.StationChief });
    private static readonly CaseActor Chief2 = new("chief2", new("/T001/S002/"), new HashSet<string> { Roles.StationChief });

    private InvestigationRegister Register => app.Services.GetRequiredService<InvestigationRegister>();
    private InvestigationQueries Queries => app.Services.GetRequiredService<InvestigationQueries>();

    private static InvestigationInput Input(string? station = "S001", string? description = "出租屋消防通道堵塞") =>
        new("PublicOrder", "rental", "某村5组", description, true, "某村委会", "王某", DateTimeOffset.UtcNow.AddDays(7), null, station);

    [Fact]
    public async Task An_item_is_recorded_started_and_resolved_each_step_audited()
    {
        var outcome = await Register.RecordAsync(Input(), Staff);
        Assert.True(outcome.Accepted, string.Join(";", outcome.Errors?.Keys ?? []));
        var (id, number) = (outcome.Value!.Id, outcome.Value.Number);
        Assert.Matches(@"^PC-\d{4}-\d{6}$", number);

        await Register.StartAsync(id, Chief1);
        await Register.ResolveAsync(id, "已清理通道", Chief1);

        var item = await app.QueryAsync(db => db.InvestigationItems.SingleAsync(x => x.Id == id));
        Assert.Equal(InvestigationStatus.Resolved, item.Status);
        Assert.Equal("/T001/S001/", item.JurisdictionPath);
        Assert.Equal("已清理通道", item.Result);
        var audit = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Target == number).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["investigation.record", "investigation.start", "investigation.resolve"], audit.Select(a => a.Action));
        Assert.Equal("Open → InProgress", audit[1].Detail);
        Assert.Equal("InProgress → Resolved", audit[2].Detail);
        Assert.Equal("chief1", audit[2].Actor);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Register.StartAsync(id, Chief1));
        Assert.Equal("Investigation.StartNotOpen", refused.Code);
    }

    [Fact]
    public async Task Another_station_can_neither_see_nor_change_the_item()
    {
        var id = (await Register.RecordAsync(Input(description: "网吧夜间聚集"), Chief1)).Value!.Id;

        Assert.Null(await Queries.DetailAsync(id, Chief2.Scope));
        Assert.DoesNotContain((await Queries.SearchAsync(Chief2.Scope, new(), 0, 200)).Items, x => x.Id == id);
        Assert.Contains((await Queries.SearchAsync(Chief1.Scope, new(Text: "网吧夜间"), 0, 200)).Items, x => x.Id == id);
        Assert.Equal("Investigation.NotInScope", (await Assert.ThrowsAsync<DomainRuleException>(() => Register.StartAsync(id, Chief2))).Code);
        Assert.Equal("Investigation.NotInScope", (await Assert.ThrowsAsync<DomainRuleException>(() => Register.ResolveAsync(id, "x", Chief2))).Code);
        Assert.Equal(InvestigationStatus.Open, await app.QueryAsync(db => db.InvestigationItems.Where(x => x.Id == id).Select(x => x.Status).SingleAsync()));

        // Nor can chief2 record into station 1.
        var outside = await Register.RecordAsync(Input(station: "S001"), Chief2);
        Assert.False(outside.Accepted);
        Assert.Contains("stationCode", outside.Errors!.Keys);
    }

    [Fact]
    public async Task Bad_input_returns_field_errors_and_stores_nothing()
    {
        var before = await app.QueryAsync(db => db.InvestigationItems.CountAsync());
        var auditsBefore = await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "investigation.record"));
        var outcome = await Register.RecordAsync(new InvestigationInput("Safety", "rental", null, "", false, " ", null, null, null, "S001"), Staff);

        Assert.False(outcome.Accepted);
        Assert.Equal(["category", "description", "responsiblePerson", "responsibleUnit"], outcome.Errors!.Keys.Order());
        Assert.Equal(before, await app.QueryAsync(db => db.InvestigationItems.CountAsync()));
        Assert.Equal(auditsBefore, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "investigation.record")));
    }

    [Fact]
    public async Task The_list_filters_by_kind_status_and_overdue()
    {
        var id = (await Register.RecordAsync(Input() with { Kind = "Instability", Category = "petition", Deadline = DateTimeOffset.UtcNow.AddDays(-1) }, Staff)).Value!.Id;
        var scope = new JurisdictionScope("/T001/");
        Assert.Contains((await Queries.SearchAsync(scope, new(Kind: InvestigationKind.Instability, OverdueOnly: true), 0, 50)).Items, x => x.Id == id && x.Overdue);
        Assert.DoesNotContain((await Queries.SearchAsync(scope, new(Kind: InvestigationKind.Safety), 0, 50)).Items, x => x.Id == id);
        Assert.DoesNotContain((await Queries.SearchAsync(scope, new(Status: InvestigationStatus.Resolved), 0, 50)).Items, x => x.Id == id);
    }
}
