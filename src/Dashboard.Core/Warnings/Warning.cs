using Dashboard.Core.Jurisdictions;

namespace Dashboard.Core.Warnings;

public enum WarningState { Issued, SignedFor, FeedbackGiven, Verified, Closed }
public enum WarningLevel { Blue, Yellow, Orange, Red }

/// <summary>
/// One firing of a model (预警) and its closed loop: issued → signed for (签收) → feedback (反馈) → verified (核处) → closed.
/// A repeat of the same subject while it is open adds evidence instead of a new warning.
/// </summary>
public sealed class Warning : IJurisdictionScoped
{
    public long Id { get; set; }
    public required string ModelCode { get; set; }
    public required string SubjectKey { get; set; }
    public required string Title { get; set; }
    public WarningLevel Level { get; set; }
    public WarningState State { get; private set; } = WarningState.Issued;
    public required string JurisdictionPath { get; set; }
    public string? GridCode { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset LastEvidenceAt { get; private set; }
    public int Count { get; private set; } = 1;
    public DateTimeOffset? SignedForAt { get; private set; }
    public string? SignedForBy { get; private set; }
    public DateTimeOffset? FeedbackAt { get; private set; }
    public string? FeedbackBy { get; private set; }
    public string? Feedback { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public string? EscalatedTo { get; private set; }
    public long? DisputeId { get; private set; }
    public List<WarningEvidence> Evidence { get; set; } = [];
    public List<WarningStep> Steps { get; set; } = [];

    public bool IsOpen => State != WarningState.Closed;

    /// <summary>Starts the timeline with the first evidence.</summary>
    public void Issue(IEnumerable<WarningEvidence> evidence, DateTimeOffset at)
    {
        Evidence.AddRange(evidence.DistinctBy(e => (e.Kind, e.Reference)));
        LastEvidenceAt = IssuedAt = at.ToUniversalTime();
        Record(at, "system", "issue", string.Join(", ", Evidence.Select(e => e.Reference)));
    }

    /// <summary>Adds what is new; returns the number of new items (the repeat count grows once per new occurrence).</summary>
    public int AddEvidence(IEnumerable<WarningEvidence> evidence, DateTimeOffset at)
    {
        // A set, not a scan per item: a surge warning holds thousands of alarms and every scan offers them all again.
        var held = Evidence.Select(x => (x.Kind, x.Reference)).ToHashSet();
        var added = evidence.Where(e => held.Add((e.Kind, e.Reference))).ToList();
        if (added.Count == 0) return 0;
        Evidence.AddRange(added);
        Count++;
        LastEvidenceAt = at.ToUniversalTime();
        Record(at, "system", "repeat", string.Join(", ", added.Select(e => e.Reference)));
        return added.Count;
    }

    public void SignFor(string user, DateTimeOffset at)
    {
        Require(WarningState.Issued, "sign for", "sign");
        (State, SignedForAt, SignedForBy) = (WarningState.SignedFor, at.ToUniversalTime(), user);
        Record(at, user, "sign", null);
    }

    public void GiveFeedback(string user, string text, DateTimeOffset at)
    {
        Require(WarningState.SignedFor, "give feedback on", "feedback");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Warning.FeedbackRequired", "Feedback needs text.");
        (State, FeedbackAt, FeedbackBy, Feedback) = (WarningState.FeedbackGiven, at.ToUniversalTime(), user, text.Trim());
        Record(at, user, "feedback", Feedback);
    }

    public void Verify(string user, DateTimeOffset at)
    {
        Require(WarningState.FeedbackGiven, "verify", "verify");
        (State, VerifiedAt, VerifiedBy) = (WarningState.Verified, at.ToUniversalTime(), user);
        Record(at, user, "verify", null);
    }

    public void Close(string user, DateTimeOffset at)
    {
        Require(WarningState.Verified, "close", "close");
        (State, ClosedAt, ClosedBy) = (WarningState.Closed, at.ToUniversalTime(), user);
        Record(at, user, "close", null);
    }

    /// <summary>
    /// Escalates (督办) a warning nobody signed for within the deadline one level further up; each escalation restarts the
    /// clock. Returns false when it is not due or there is no level above.
    /// </summary>
    public bool Escalate(TimeSpan signDeadline, DateTimeOffset now)
    {
        if (State != WarningState.Issued || now - (EscalatedAt ?? IssuedAt) < signDeadline) return false;
        if (JurisdictionPaths.Parent(EscalatedTo ?? JurisdictionPath) is not { } parent) return false;
        (EscalatedAt, EscalatedTo) = (now.ToUniversalTime(), parent);
        Record(now, "system", "escalate", parent);
        return true;
    }

    public void LinkDispute(long disputeId, string caseNumber, string user, DateTimeOffset at)
    {
        if (DisputeId is not null) throw new DomainRuleException("Warning.CaseAlreadyRegistered", "A case was already registered from this warning.");
        DisputeId = disputeId;
        Record(at, user, "to-case", caseNumber);
    }

    /// <param name="action">The verb, for the English message.</param>
    /// <param name="step">The timeline action of the step (<c>WarningAction.{step}</c> names it on screen).</param>
    private void Require(WarningState expected, string action, string step)
    {
        if (State != expected)
            throw new DomainRuleException("Warning.TransitionNotAllowed", $"Cannot {action} a warning that is {State}.",
                new RuleTerm($"WarningAction.{step}", action), State);
    }

    private void Record(DateTimeOffset at, string actor, string action, string? detail) =>
        Steps.Add(new WarningStep { At = at.ToUniversalTime(), Actor = actor, Action = action, Detail = detail });
}

/// <summary>A record that made a model fire: an alarm (by externalId), a case (by number), a unit, a grid or a point.</summary>
public sealed class WarningEvidence
{
    public long Id { get; set; }
    public long WarningId { get; set; }
    public required string Kind { get; set; }
    public required string Reference { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}

/// <summary>One entry of a warning's timeline.</summary>
public sealed class WarningStep
{
    public long Id { get; set; }
    public long WarningId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
}
