using System.Globalization;
using Dashboard.Core.Jurisdictions;

namespace Dashboard.Core.Disputes;

public enum DisputeStatus { Registered, Routed, Mediating, Mediated, ClosureRequested, Returned, Closed }
public enum DisputeSource { Staff, Alarm, GridWorker, Hotline, GridApp }
public enum DisputeCategory { Family, Neighbor, Labor, Land, Property, TrafficAccident, Medical, Other }
public enum RiskColor { Green, Yellow, Red }
public enum DisputeLevel { Village, Township, District }
public enum MediationOutcome { Pending, Success, Failure }
public enum MediationMethod { InPerson, Phone, Video }

/// <summary>A dispute case (矛盾纠纷) from intake to follow-up visit; every change is a timeline entry.</summary>
public sealed class Dispute : IJurisdictionScoped
{
    public long Id { get; set; }
    public required string CaseNumber { get; set; }
    public string? ExternalId { get; set; }
    public DisputeSource Source { get; set; }
    public DisputeCategory Category { get; set; }
    public RiskColor Risk { get; set; }
    public DisputeLevel Level { get; private set; } = DisputeLevel.Village;
    public DisputeStatus Status { get; private set; } = DisputeStatus.Registered;
    public required string Description { get; set; }
    public string? Address { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public string? GridCode { get; set; }
    public required string JurisdictionPath { get; set; }
    public int PeopleInvolved { get; set; } = 2;
    public DateTimeOffset RegisteredAt { get; set; }
    public required string RegisteredBy { get; set; }
    public long? AlarmId { get; set; }
    public string? ResponsibleOrg { get; private set; }
    public string? ResponsiblePerson { get; private set; }
    public string? LeadOfficial { get; private set; }
    public DateTimeOffset? Deadline { get; private set; }
    public DateTimeOffset? SupervisedAt { get; private set; }
    public DateTimeOffset? DueSoonFlaggedAt { get; private set; }
    public MediationOutcome Outcome { get; private set; }
    public string? Result { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? ReturnReason { get; private set; }
    public DateTimeOffset? FollowUpAt { get; private set; }
    public int? FollowUpSatisfaction { get; private set; }
    public string? FollowUpNote { get; private set; }

    public List<DisputeParty> Parties { get; set; } = [];
    public List<MediationRecord> Mediations { get; set; } = [];
    public List<DisputeEvent> Events { get; set; } = [];

    public bool IsOpen => Status != DisputeStatus.Closed;
    public bool IsOverdue(DateTimeOffset now) => IsOpen && Deadline is { } d && d < now;

    /// <summary>Starts the timeline: who registered the case and from which source.</summary>
    public void RecordRegistration(DateTimeOffset at) => Record(at, RegisteredBy, "register", to: Source.ToString());

    public void Route(string org, string person, string? leadOfficial, DateTimeOffset deadline, string by, DateTimeOffset at)
    {
        Require(nameof(Route), "route", DisputeStatus.Registered, DisputeStatus.Routed, DisputeStatus.Mediating, DisputeStatus.Returned);
        var before = ResponsibleOrg is null ? null : $"{ResponsibleOrg}/{ResponsiblePerson}";
        (ResponsibleOrg, ResponsiblePerson, LeadOfficial, Deadline) = (org, person, leadOfficial, deadline.ToUniversalTime());
        // A new deadline is supervised afresh.
        (SupervisedAt, DueSoonFlaggedAt) = (null, null);
        if (Status == DisputeStatus.Registered) Status = DisputeStatus.Routed;
        Record(at, by, "route", from: before, to: $"{org}/{person}", deadline: Deadline);
    }

    public void RecordMediation(MediationRecord record, string by)
    {
        Require(nameof(RecordMediation), "mediate", DisputeStatus.Routed, DisputeStatus.Mediating, DisputeStatus.Returned, DisputeStatus.Mediated);
        Mediations.Add(record);
        Outcome = record.Outcome;
        Status = record.Outcome == MediationOutcome.Pending ? DisputeStatus.Mediating : DisputeStatus.Mediated;
        Record(record.At, by, "mediate", from: record.Method.ToString(), to: record.Outcome.ToString(), detail: record.Agreement);
    }

    public void RequestClosure(string result, string by, DateTimeOffset at)
    {
        Require(nameof(RequestClosure), "request-closure", DisputeStatus.Mediated);
        Result = result;
        Status = DisputeStatus.ClosureRequested;
        Record(at, by, "request-closure", detail: result);
    }

    public void ApproveClosure(string by, DateTimeOffset at)
    {
        Require(nameof(ApproveClosure), "approve", DisputeStatus.ClosureRequested);
        (Status, ClosedAt, ClosedBy, ReturnReason) = (DisputeStatus.Closed, at.ToUniversalTime(), by, null);
        Record(at, by, "approve");
    }

    public void ReturnClosure(string reason, string by, DateTimeOffset at)
    {
        Require(nameof(ReturnClosure), "return", DisputeStatus.ClosureRequested);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Dispute.ReturnReasonRequired", "A returned closure needs a reason.");
        (Status, ReturnReason) = (DisputeStatus.Returned, reason);
        Record(at, by, "return", detail: reason);
    }

    public void RecordFollowUp(int satisfaction, string? note, string by, DateTimeOffset at)
    {
        Require(nameof(RecordFollowUp), "follow-up", DisputeStatus.Closed);
        if (FollowUpAt is not null) throw new DomainRuleException("Dispute.FollowUpAlreadyRecorded", "The follow-up visit is already recorded.");
        if (satisfaction is < 1 or > 5) throw new DomainRuleException("Dispute.SatisfactionOutOfRange", "Satisfaction is rated 1 to 5.");
        (FollowUpAt, FollowUpSatisfaction, FollowUpNote) = (at.ToUniversalTime(), satisfaction, note);
        Record(at, by, "follow-up", to: satisfaction.ToString(CultureInfo.InvariantCulture), detail: note);
    }

    public void Escalate(string by, DateTimeOffset at)
    {
        if (!IsOpen) throw new DomainRuleException("Dispute.EscalateClosed", "A closed case cannot be escalated.");
        if (Level == DisputeLevel.District) throw new DomainRuleException("Dispute.AlreadyDistrict", "The case is already at district level.");
        var from = Level;
        Level++;
        Record(at, by, "escalate", from: from.ToString(), to: Level.ToString());
    }

    /// <summary>Marks an overdue case as supervised (督办); returns false when it is not overdue or already marked.</summary>
    public bool Supervise(DateTimeOffset now)
    {
        if (!IsOverdue(now) || SupervisedAt is not null) return false;
        SupervisedAt = now.ToUniversalTime();
        Record(now, "system", "supervise", deadline: Deadline);
        return true;
    }

    /// <summary>Flags a red case whose deadline is near, once per deadline; returns false when there is nothing to flag.</summary>
    public bool FlagDueSoon(DateTimeOffset now, TimeSpan ahead)
    {
        if (!IsOpen || Risk != RiskColor.Red || Deadline is not { } due || due < now || due - now > ahead || DueSoonFlaggedAt is not null)
            return false;
        DueSoonFlaggedAt = now.ToUniversalTime();
        Record(now, "system", "due-soon", deadline: due);
        return true;
    }

    /// <param name="action">The method, for the English message.</param>
    /// <param name="step">The timeline action of the step (<c>DisputeAction.{step}</c> names it on screen).</param>
    private void Require(string action, string step, params DisputeStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new DomainRuleException("Dispute.TransitionNotAllowed", $"{action} is not allowed while the case is {Status}.",
                new RuleTerm($"DisputeAction.{step}", action), Status);
    }

    // Codes (enum names) go in From/To so screens can show them in the user's language; Detail is what a person wrote.
    private void Record(DateTimeOffset at, string actor, string action, string? from = null, string? to = null,
        DateTimeOffset? deadline = null, string? detail = null) =>
        Events.Add(new DisputeEvent
        {
            At = at.ToUniversalTime(), Actor = actor, Action = action, From = from, To = to,
            Deadline = deadline?.ToUniversalTime(), Detail = detail,
        });
}

public sealed class DisputeParty
{
    public long Id { get; set; }
    public long DisputeId { get; set; }
    public required string Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Role { get; set; }
}

public sealed class MediationRecord
{
    public long Id { get; set; }
    public long DisputeId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Mediator { get; set; }
    public MediationMethod Method { get; set; }
    public string? Agreement { get; set; }
    public decimal? Amount { get; set; }
    public MediationOutcome Outcome { get; set; }
}

public sealed class DisputeEvent
{
    public long Id { get; set; }
    public long DisputeId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public string? Detail { get; set; }
}
