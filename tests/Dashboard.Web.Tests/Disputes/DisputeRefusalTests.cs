using System.Globalization;
using System.Security.Claims;
using Bunit;
using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Security;
using Dashboard.Core.Time;
using Dashboard.Web.Components.Disputes;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Disputes;

/// <summary>A step the workflow refuses is explained on the case page in Chinese, not with the rule's English message.</summary>
public sealed class DisputeRefusalTests : IClassFixture<DashboardAppFactory>, IAsyncLifetime
{
    private static readonly JurisdictionScope Township = new("/T001/");
    private static readonly CaseActor Staff = new("staff1", Township, new HashSet<string> { Roles.Staff });
    private readonly DashboardAppFactory _app;
    private readonly BunitContext _ui = new();

    public DisputeRefusalTests(DashboardAppFactory app)
    {
        _app = app;
        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        _ui.Services.AddMudServices();
        _ui.Services.AddLocalization();
        foreach (var type in new[] { typeof(LiveState), typeof(LocalCalendar), typeof(TimeProvider), typeof(DisputeQueries), typeof(DisputeWorkflow) })
            _ui.Services.AddSingleton(type, app.Services.GetRequiredService(type));
        var auth = _ui.AddAuthorization();
        auth.SetAuthorized("staff1");
        auth.SetRoles(Roles.Staff);
        auth.SetClaims(new Claim(JurisdictionScope.PathClaim, Township.Path));
        _ui.Render<MudBlazor.MudPopoverProvider>();
    }

    private async Task<long> MediatedAsync()
    {
        var intake = _app.Services.GetRequiredService<DisputeIntake>();
        var workflow = _app.Services.GetRequiredService<DisputeWorkflow>();
        var case_ = (await intake.RegisterAsync(new DisputeInput(null, null, null, "Neighbor", "Green", "楼上漏水纠纷", null, null, "S001", 2,
            [new PartyInput("褚某某", null, null, null)]), DisputeSource.Staff, "staff1", Township)).Value!;
        await workflow.RouteAsync(case_.Id, "村（社区）调委会", "调解员", null, Staff);
        await workflow.RecordMediationAsync(case_.Id, new MediationRecord
        {
            At = _app.Clock.GetUtcNow(), Mediator = "调解员", Method = MediationMethod.InPerson, Outcome = MediationOutcome.Success,
        }, Staff);
        return case_.Id;
    }

    [Fact]
    public async Task A_refused_closure_request_is_explained_in_chinese_naming_the_cases_status_and_the_step()
    {
        // Set here, in the async test, so it flows to the render and does not outlive the test.
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var id = await MediatedAsync();
        var page = _ui.Render<DisputeCasePage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("input[data-testid=closure-result]")));
        var requestClosure = () => page.FindAll("[data-testid=case-actions] button").Single(b => b.TextContent.Trim() == "申请结案");

        // No result written: refused by the workflow's own check.
        requestClosure().Click();
        page.WaitForAssertion(() => Assert.Equal("请填写调处结果（最多 2000 字）", page.Find("[data-testid=case-error]").TextContent.Trim()));

        // Someone else asked for closure meanwhile; this page has not reloaded yet (the live notifier waits for the clock).
        await _app.Services.GetRequiredService<DisputeWorkflow>().RequestClosureAsync(id, "双方已和解", Staff);
        page.Find("input[data-testid=closure-result]").Change("已赔偿，双方和解");
        requestClosure().Click();

        page.WaitForAssertion(() => Assert.Equal("案件当前为“待审核”，不能申请结案", page.Find("[data-testid=case-error]").TextContent.Trim()));
        Assert.DoesNotContain("not allowed", page.Markup);
        Assert.DoesNotContain("ClosureRequested", page.Markup);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    public async Task DisposeAsync() => await _ui.DisposeAsync();
}
