namespace Dashboard.Core.Warnings;

/// <summary>
/// What a model found: a subject (household, case, alarm, grid…) and the records behind it. <paramref name="OncePerSubject"/>
/// is for subjects that name one occurrence (this case's deadline, this alarm): once warned, never again, even after close.
/// Other subjects re-arm when their warning is closed. <paramref name="JoinByEvidence"/>: an open warning of the model that
/// already holds one of these records is the same subject, whatever its key.
/// </summary>
public sealed record WarningFiring(
    string ModelCode, string SubjectKey, string Title, string JurisdictionPath, IReadOnlyList<EvidenceItem> Evidence,
    WarningLevel? Level = null, bool OncePerSubject = false, string? GridCode = null, double? Lat = null, double? Lon = null,
    bool JoinByEvidence = false);

public sealed record EvidenceItem(string Kind, string Reference, DateTimeOffset At, string? Note = null)
{
    public const string Alarm = "alarm";
    public const string Case = "case";
    public const string Grid = "grid";
    public const string Unit = "unit";
    public const string Point = "point";

    public WarningEvidence ToEntity() => new() { Kind = Kind, Reference = Reference, At = At.ToUniversalTime(), Note = Note };
}

public enum FiringOutcome { Issued, Repeated, Unchanged, Silenced, AlreadyWarned, ModelOff }

/// <summary>Published after a warning is issued, repeated or moved along its loop; screens and the hub follow it.</summary>
public sealed record WarningChanged(
    long Id, string ModelCode, string SubjectKey, string Title, WarningLevel Level, WarningState State, string JurisdictionPath,
    string? EscalatedTo, string Action, int Count, IReadOnlyList<string> NotifyRoles, IReadOnlyList<EvidenceItem> Evidence)
{
    public static WarningChanged Of(Warning w, string action, IReadOnlyList<string> notifyRoles) => new(
        w.Id, w.ModelCode, w.SubjectKey, w.Title, w.Level, w.State, w.JurisdictionPath, w.EscalatedTo, action, w.Count, notifyRoles,
        w.Evidence.Select(e => new EvidenceItem(e.Kind, e.Reference, e.At, e.Note)).ToList());
}
