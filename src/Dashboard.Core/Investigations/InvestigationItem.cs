using Dashboard.Core.Jurisdictions;

namespace Dashboard.Core.Investigations;

/// <summary>The three monthly investigations (四项排查) besides disputes: 治安隐患, 安全隐患, 不稳定因素.</summary>
public enum InvestigationKind { PublicOrder, Safety, Instability }

public enum InvestigationStatus { Open, InProgress, Resolved }

/// <summary>One item found in a monthly investigation, from recording to resolution.</summary>
public sealed class InvestigationItem : IJurisdictionScoped
{
    public long Id { get; set; }
    public required string Number { get; set; }
    public InvestigationKind Kind { get; set; }
    /// <summary>One of <see cref="InvestigationCategories.Of"/> for the kind; screens show <c>InvestigationCategory.{Kind}.{code}</c>.</summary>
    public required string Category { get; set; }
    public string? Place { get; set; }
    public required string Description { get; set; }
    public bool Major { get; set; }
    public required string ResponsibleUnit { get; set; }
    public required string ResponsiblePerson { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public InvestigationStatus Status { get; private set; } = InvestigationStatus.Open;
    public string? Result { get; private set; }
    public DateTimeOffset FoundAt { get; set; }
    public required string RecordedBy { get; set; }
    public required string JurisdictionPath { get; set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public bool IsOpen => Status != InvestigationStatus.Resolved;
    public bool IsOverdue(DateTimeOffset now) => IsOpen && Deadline is { } d && d < now;

    /// <summary>Work begins on an open item (整改中).</summary>
    public void Start()
    {
        if (Status != InvestigationStatus.Open)
            throw new DomainRuleException("Investigation.StartNotOpen", $"Only an open item can be started; this one is {Status}.", Status);
        Status = InvestigationStatus.InProgress;
    }

    /// <summary>Resolves (销号) an open or in-progress item; the result is required.</summary>
    public void Resolve(string result, DateTimeOffset at)
    {
        if (Status == InvestigationStatus.Resolved)
            throw new DomainRuleException("Investigation.AlreadyResolved", "The item is already resolved.");
        if (string.IsNullOrWhiteSpace(result) || result.Length > 2000)
            throw new DomainRuleException("Investigation.ResultRequired", "Describe the result (2,000 characters at most).");
        (Status, Result, ResolvedAt) = (InvestigationStatus.Resolved, result.Trim(), at.ToUniversalTime());
    }
}

/// <summary>The categories of each kind, as stable English codes.</summary>
public static class InvestigationCategories
{
    private static readonly Dictionary<InvestigationKind, string[]> ByKind = new()
    {
        [InvestigationKind.PublicOrder] = ["entertainment", "rental", "hotspot", "other"],
        [InvestigationKind.Safety] = ["fire", "traffic", "construction", "chemical", "other"],
        [InvestigationKind.Instability] = ["petition", "group", "mental", "other"],
    };

    public static IReadOnlyList<string> Of(InvestigationKind kind) => ByKind[kind];

    public static bool IsValid(InvestigationKind kind, string? category) => category is not null && ByKind[kind].Contains(category);
}
