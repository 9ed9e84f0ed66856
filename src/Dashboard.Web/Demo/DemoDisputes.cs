using Dashboard.Core.Alarms;
using Dashboard.Core.Disputes;
using Dashboard.Simulator.Synthetic;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Demo;

/// <summary>
/// Turns some dispute alarms into cases and walks each through the real transitions up to a point drawn at random, so the
/// demo has cases in every state, some of them overdue, most old ones closed and visited.
/// </summary>
internal sealed class DemoDisputes(IOptions<DisputeDeadlines> deadlines)
{
    private static readonly string[] Orgs = ["派出所", "司法所", "劳动保障所", "村（社区）调委会", "综治中心"];
    private readonly Random _rng = new(4);
    private int _sequence;

    public IEnumerable<Dispute> FromAlarms(IEnumerable<Alarm> alarms, DateTimeOffset now)
    {
        foreach (var alarm in alarms.Where(a => a.Category == AlarmCategories.Dispute && _rng.NextDouble() < 0.45))
        {
            var registeredAt = alarm.ReceivedAt.AddMinutes(30 + _rng.NextDouble() * 240);
            if (registeredAt > now) continue;
            var dispute = new Dispute
            {
                CaseNumber = $"JF-{registeredAt:yyyy}-{++_sequence:000000}", Source = DisputeSource.Alarm, AlarmId = alarm.Id,
                Category = DisputeIntake.CategoryOfAlarm(alarm.Subcategory), Risk = RiskDraw(), Description = alarm.Summary, Address = alarm.Address,
                Lat = alarm.Lat, Lon = alarm.Lon, GridCode = alarm.GridCode, JurisdictionPath = alarm.JurisdictionPath,
                PeopleInvolved = 2 + _rng.Next(4), RegisteredAt = registeredAt, RegisteredBy = "officer1",
                Parties = alarm.Parties.Select(p => new DisputeParty { Name = p.Name, IdNumber = p.IdNumber, Phone = p.Phone, Role = p.Role }).ToList(),
            };
            Walk(dispute, now);
            yield return dispute;
        }
    }

    private void Walk(Dispute d, DateTimeOffset now)
    {
        var stallAt = _rng.NextDouble() switch { < 0.06 => 0, < 0.14 => 1, < 0.24 => 2, < 0.30 => 3, < 0.35 => 4, < 0.38 => 5, _ => 99 };
        var t = d.RegisteredAt;
        var person = SyntheticPeople.Name(_rng);
        var steps = new (double Days, Action<DateTimeOffset> Act)[]
        {
            (0.2, at => d.Route(Orgs[_rng.Next(Orgs.Length)], person, _rng.NextDouble() < 0.3 ? SyntheticPeople.Name(_rng) : null,
                deadlines.Value.For(d.Risk, at), "staff1", at)),
            (1.5, at => d.RecordMediation(Mediation(at, person, MediationOutcome.Pending), person)),
            (3, at => d.RecordMediation(Mediation(at, person, _rng.NextDouble() < 0.85 ? MediationOutcome.Success : MediationOutcome.Failure), person)),
            (1, at => d.RequestClosure(d.Outcome == MediationOutcome.Success ? "双方达成调解协议，已履行" : "调解未成功，已引导当事人通过诉讼解决", person, at)),
            (1, at => { if (stallAt == 5) d.ReturnClosure("调解协议未附当事人签字，请补充", "chief1", at); else d.ApproveClosure("chief1", at); }),
            (5, at => d.RecordFollowUp(3 + _rng.Next(3), "回访当事人，矛盾未再激化", "officer1", at)),
        };
        for (var i = 0; i < steps.Length && i < stallAt; i++)
        {
            t = t.AddDays(steps[i].Days * (0.5 + _rng.NextDouble()));
            if (t > now) break;
            steps[i].Act(t);
        }
        d.Supervise(now);
    }

    private MediationRecord Mediation(DateTimeOffset at, string mediator, MediationOutcome outcome) => new()
    {
        At = at, Mediator = mediator, Method = (MediationMethod)_rng.Next(3), Outcome = outcome,
        Agreement = outcome == MediationOutcome.Success ? "双方自愿达成和解" : null,
        Amount = outcome == MediationOutcome.Success && _rng.NextDouble() < 0.3 ? _rng.Next(5, 200) * 100m : null,
    };

    private RiskColor RiskDraw() => _rng.NextDouble() switch { < 0.12 => RiskColor.Red, < 0.45 => RiskColor.Yellow, _ => RiskColor.Green };
}
