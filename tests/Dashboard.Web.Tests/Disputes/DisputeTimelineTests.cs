using Bunit;
using Dashboard.Core.Disputes;
using Dashboard.Core.Time;
using Dashboard.Web.Components.Disputes;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Disputes;

/// <summary>The case timeline shows each step in the reader's language, with what people wrote kept as text.</summary>
public sealed class DisputeTimelineTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private readonly BunitContext _ui = new();

    public DisputeTimelineTests()
    {
        _ui.Services.AddLocalization();
        _ui.Services.AddSingleton(new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), TimeProvider.System));
    }

    [Fact]
    public void Each_step_is_shown_in_chinese_with_local_deadlines_and_the_written_text_as_text()
    {
        var d = new Dispute
        {
            CaseNumber = "JF-2026-000001", Description = "邻里噪音", JurisdictionPath = "/T001/S001/", RegisteredBy = "staff1",
            Source = DisputeSource.Hotline, Risk = RiskColor.Red, RegisteredAt = T0,
        };
        d.RecordRegistration(T0);
        d.Route("司法所", "张三", null, T0.AddDays(3), "staff1", T0);
        d.RecordMediation(new MediationRecord
        {
            At = T0.AddDays(1), Mediator = "张三", Method = MediationMethod.Phone, Outcome = MediationOutcome.Success,
            Agreement = "<b>赔偿</b>500元",
        }, "officer1");
        d.Escalate("chief1", T0.AddDays(1));

        var timeline = _ui.Render<DisputeTimeline>(p => p.Add(t => t.Events, d.Events));

        var lines = timeline.FindAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains("12345热线", lines[0]);
        Assert.Contains("— → 司法所/张三", lines[1]);
        Assert.Contains("2026-03-05 09:00", lines[1]); // 01:00 UTC three days on, in Shanghai time
        Assert.Contains("电话 · 调解成功", lines[2]);
        Assert.Contains("<b>赔偿</b>500元", lines[2]);
        Assert.DoesNotContain(timeline.FindAll("li b"), b => b.TextContent == "赔偿");
        Assert.Contains("村（社区）级", lines[3]);
        Assert.Contains("镇（街道）级", lines[3]);
        Assert.DoesNotContain(lines, l => l.Contains("InPerson") || l.Contains("Phone") || l.Contains("Village"));
    }

    public void Dispose() => _ui.Dispose();
}
