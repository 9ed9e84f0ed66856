using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Security;
using Dashboard.Core.Time;
using Dashboard.Core.Warnings;
using Dashboard.Web.Components.Admin;
using Dashboard.Web.Components.Live;
using Dashboard.Web.Components.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Warnings;

/// <summary>The warning centre's screens, rendered by bunit against the real app's data and bus.</summary>
public sealed class WarningCentreTests : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private static readonly JurisdictionScope Station1 = new("/T001/S001/");
    private static readonly JurisdictionScope Station2 = new("/T001/S002/");
    private static readonly CaseActor Chief1 = new("chief1", Station1, new HashSet<string> { Roles.StationChief });
    private readonly DashboardAppFactory _app;
    private readonly WarningMaker _warnings;
    private readonly BunitContext _ui = new();
    private readonly BunitAuthorizationContext _auth;

    public WarningCentreTests(DashboardAppFactory app)
    {
        _app = app;
        _warnings = new WarningMaker(app);
        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        _ui.JSInterop.SetupModule();
        _ui.Services.AddMudServices();
        _ui.Services.AddLocalization();
        foreach (var type in new[]
                 {
                     typeof(ILiveBus), typeof(LocalCalendar), typeof(TimeProvider), typeof(JurisdictionMap), typeof(MapLayers),
                     typeof(IOptions<MapOptions>), typeof(WarningQueries), typeof(WarningWorkflow), typeof(WarningSilences),
                     typeof(WarningModelAdmin), typeof(DisputeIntake),
                 })
            _ui.Services.AddSingleton(type, app.Services.GetRequiredService(type));
        _auth = _ui.AddAuthorization();
        _ui.Render<MudBlazor.MudPopoverProvider>();
    }

    private void SignIn(string user, string role, JurisdictionScope scope)
    {
        _auth.SetAuthorized(user);
        _auth.SetRoles(role);
        _auth.SetClaims(new Claim(JurisdictionScope.PathClaim, scope.Path));
    }

    [Fact]
    public async Task A_chief_lists_only_his_own_stations_warnings_and_a_new_one_appears_live()
    {
        var theirs = await _warnings.RepeatedDisputeAsync("S001", "东林村3组5号");
        var list = _ui.Render<WarningTable>(p => p.Add(t => t.Scope, Station2).Add(t => t.Filter, new WarningFilter()));
        // The list has loaded when it shows rows or says it has none (the demo's patrol-point windows may have raised some).
        list.WaitForAssertion(() => Assert.True(list.Markup.Contains("暂无预警") || list.FindAll("[data-testid=warning-row]").Count > 0));

        var mine = await _warnings.RepeatedDisputeAsync("S002", "西林村4组6号");

        list.WaitForAssertion(() => Assert.Contains(list.FindAll("[data-testid=warning-row]"), row => row.TextContent.Contains(mine.Title)));
        Assert.DoesNotContain(list.FindAll("[data-testid=warning-row]"), row => row.TextContent.Contains(theirs.Title));
        Assert.Contains("橙色预警", list.Markup);
        Assert.Contains("重复纠纷", list.Markup);
        Assert.Contains("待签收", list.Markup);
    }

    [Fact]
    public async Task Evidence_text_is_shown_as_text_never_as_markup()
    {
        var warning = await _warnings.RepeatedDisputeAsync("S001", "南林村5组7号", summary: "<b>x</b>");
        SignIn("chief1", Roles.StationChief, Station1);

        var page = _ui.Render<WarningDetailPage>(p => p.Add(d => d.Id, warning.Id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=evidence-text]").Count));
        Assert.All(page.FindAll("[data-testid=evidence-text]"), cell =>
        {
            Assert.Contains("<b>x</b>", cell.TextContent);
            Assert.Empty(cell.QuerySelectorAll("b"));
        });
        Assert.Contains("警情", page.Find("[data-testid=warning-evidence]").TextContent);
        Assert.Equal("重复纠纷", page.Find("[data-testid=warning-title]").TextContent.Trim());
    }

    [Fact]
    public async Task A_chief_takes_a_warning_round_its_loop_one_button_at_a_time_and_his_badge_follows()
    {
        var warning = await _warnings.RepeatedDisputeAsync("S001", "北林村6组8号");
        SignIn("chief1", Roles.StationChief, Station1);
        var badge = _ui.Render<WarningBadge>(p => p.Add(b => b.Actor, Chief1));
        var page = _ui.Render<WarningDetailPage>(p => p.Add(d => d.Id, warning.Id));
        badge.WaitForAssertion(() => Assert.True(Count(badge) >= 1));
        var before = Count(badge);

        Step(page, "warning-sign");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("textarea[data-testid=warning-feedback-text]")));
        badge.WaitForAssertion(() => Assert.Equal(before - 1, Count(badge)));
        Assert.Contains("已签收", page.Find("[data-testid=warning-state]").TextContent);

        page.Find("textarea[data-testid=warning-feedback-text]").Input("已上门调解，双方同意不再争吵");
        Step(page, "warning-feedback");
        Step(page, "warning-verify");
        Step(page, "warning-close");

        page.WaitForAssertion(() => Assert.Contains("已关闭", page.Find("[data-testid=warning-state]").TextContent));
        Assert.Empty(page.FindAll("button[data-testid=warning-sign], button[data-testid=warning-verify], button[data-testid=warning-close]"));
        var timeline = page.Find("[data-testid=warning-timeline]").TextContent;
        Assert.All(["发出", "签收", "反馈", "核处", "关闭"], step => Assert.Contains(step, timeline));
        Assert.Contains("已上门调解", page.Find("[data-testid=warning-feedback-given]").TextContent);
    }

    // The one step button on show is the expected one; clicking it moves the warning on.
    private static void Step(IRenderedComponent<WarningDetailPage> page, string button)
    {
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"button[data-testid={button}]")));
        var shown = page.FindAll("button[data-testid=warning-sign], button[data-testid=warning-feedback], button[data-testid=warning-verify], button[data-testid=warning-close]");
        Assert.Equal([button], shown.Select(b => b.GetAttribute("data-testid")));
        page.Find($"button[data-testid={button}]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"button[data-testid={button}]")));
    }

    private static int Count(IRenderedComponent<WarningBadge> badge) => badge.FindAll("[data-testid=warning-badge]") is { Count: 1 } b
        ? int.Parse(b[0].TextContent.Trim().TrimEnd('+'), System.Globalization.CultureInfo.InvariantCulture) : 0;

    [Fact]
    public async Task The_admin_page_refuses_parameters_that_are_not_json_and_keeps_the_model_as_it_was()
    {
        SignIn("admin", Roles.Admin, new JurisdictionScope("/T001/"));
        var before = await _app.QueryAsync(db => db.WarningModels.AsNoTracking().SingleAsync(m => m.Code == ModelCodes.RepeatedDispute));
        var page = _ui.Render<WarningModelsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-model={ModelCodes.RepeatedDispute}]")));
        var editor = $"[data-model={ModelCodes.RepeatedDispute}]";

        page.Find($"{editor} textarea[data-testid=model-params]").Input("{\"windowDays\": 30,");
        page.Find($"{editor} button[data-testid=model-save]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"{editor} [data-testid=model-error]")));
        Assert.Empty(page.FindAll($"{editor} [data-testid=model-saved]"));
        var after = await _app.QueryAsync(db => db.WarningModels.AsNoTracking().SingleAsync(m => m.Code == ModelCodes.RepeatedDispute));
        Assert.Equal(before.ParametersJson, after.ParametersJson);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    public async Task DisposeAsync() => await _ui.DisposeAsync();
}
