using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Web.Demo;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Demo;

public sealed class DemoDisputesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The long-running and overdue models live on the seeded history: a year of it must hold cases for both.</summary>
    [Fact]
    public void A_year_of_history_leaves_open_cases_older_than_sixty_days_and_cases_past_their_deadline()
    {
        var rng = new Random(1);
        var alarms = Enumerable.Range(0, 4_000).Select(i => new Alarm
        {
            Id = i + 1, ExternalId = $"110-{i}", ReceivedAt = Now.AddDays(-365 * rng.NextDouble()), Category = AlarmCategories.Dispute,
            Subcategory = "dispute.neighbor", Priority = 3, Summary = "邻居因漏水发生纠纷", JurisdictionPath = "/T001/",
        }).OrderBy(a => a.ReceivedAt).ToList();

        var cases = new DemoDisputes(Options.Create(new DisputeDeadlines())).FromAlarms(alarms, Now).ToList();

        var open = cases.Where(c => c.Status != DisputeStatus.Closed).ToList();
        var longRunning = open.Count(c => Now - c.RegisteredAt > TimeSpan.FromDays(60));
        var overdue = open.Count(c => c.Deadline < Now);
        Assert.InRange(longRunning, 10, cases.Count / 2);
        Assert.InRange(overdue, 10, cases.Count / 2);
        Assert.True(cases.Count(c => c.Status == DisputeStatus.Closed) > open.Count, "most old cases are closed");
    }
}
