using Dashboard.Core.Data;
using Dashboard.Core.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Disputes;

public sealed record SupervisionResult(IReadOnlyList<string> Supervised, IReadOnlyList<string> DueSoon);

/// <summary>
/// The supervision scan (督办): marks open cases past their deadline and flags red cases close to it, each once per deadline,
/// so running it twice changes nothing; the responsible person and the station are told live.
/// </summary>
public sealed class DisputeSupervision(
    IDbContextFactory<DashboardDbContext> dbFactory, IOptions<DisputeDeadlines> deadlines, ILiveBus bus, TimeProvider clock)
{
    public async Task<SupervisionResult> ScanAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var ahead = TimeSpan.FromHours(deadlines.Value.RedWarningHours);
        var horizon = now + ahead;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidates = await db.Disputes
            .Where(d => d.Status != DisputeStatus.Closed && d.Deadline != null && d.Deadline < horizon
                && (d.SupervisedAt == null || d.DueSoonFlaggedAt == null))
            .ToListAsync(ct);

        var supervised = new List<Dispute>();
        var dueSoon = new List<Dispute>();
        foreach (var d in candidates)
        {
            if (d.Supervise(now))
            {
                supervised.Add(d);
                db.Audit("system", "dispute.supervise", d.CaseNumber, $"deadline {d.Deadline:u} passed; {d.ResponsibleOrg}/{d.ResponsiblePerson}", now);
            }
            else if (d.FlagDueSoon(now, ahead))
            {
                dueSoon.Add(d);
                db.Audit("system", "dispute.due-soon", d.CaseNumber, $"red case due {d.Deadline:u}; {d.ResponsibleOrg}/{d.ResponsiblePerson}", now);
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var d in supervised) Publish(d, "supervise");
        foreach (var d in dueSoon) Publish(d, "due-soon");
        return new SupervisionResult(supervised.Select(d => d.CaseNumber).ToList(), dueSoon.Select(d => d.CaseNumber).ToList());
    }

    private void Publish(Dispute d, string action) =>
        bus.Publish(new DisputeChanged(d.Id, d.CaseNumber, d.JurisdictionPath, d.Status, action, d.ResponsiblePerson));
}
