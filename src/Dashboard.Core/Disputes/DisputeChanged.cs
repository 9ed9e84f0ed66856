namespace Dashboard.Core.Disputes;

/// <summary>Published after a change to a case commits: counts, queues and the wall's backlog refresh from it.</summary>
public sealed record DisputeChanged(long Id, string CaseNumber, string JurisdictionPath, DisputeStatus Status, string Action, string? NotifyUser = null);
