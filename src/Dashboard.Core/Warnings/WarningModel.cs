namespace Dashboard.Core.Warnings;

/// <summary>
/// A warning rule (预警模型). The rule itself is code; its switch, parameters (JSON), level, sign-for deadline and who is
/// told are data an admin edits.
/// </summary>
public sealed class WarningModel
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Enabled { get; set; } = true;
    public string ParametersJson { get; set; } = "{}";
    public WarningLevel Level { get; set; } = WarningLevel.Yellow;
    public int SignDeadlineMinutes { get; set; } = 30;
    /// <summary>Roles told when it fires, comma-separated (within the warning's jurisdiction).</summary>
    public string NotifyRoles { get; set; } = "StationChief,Officer";

    public IReadOnlyList<string> NotifyRoleList => SplitRoles(NotifyRoles);

    public static IReadOnlyList<string> SplitRoles(string roles) =>
        roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A chief's silence (静默): no new warnings for a model, or for one subject of it, inside a jurisdiction until it expires.</summary>
public sealed class WarningSilence
{
    public long Id { get; set; }
    public required string ModelCode { get; set; }
    /// <summary>Null silences the whole model.</summary>
    public string? SubjectKey { get; set; }
    public required string JurisdictionPath { get; set; }
    public required string Reason { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? LiftedAt { get; set; }
    public string? LiftedBy { get; set; }

    public bool Covers(string modelCode, string subjectKey, string path, DateTimeOffset now) =>
        LiftedAt is null && ExpiresAt > now && ModelCode == modelCode && (SubjectKey is null || SubjectKey == subjectKey)
        && path.StartsWith(JurisdictionPath, StringComparison.Ordinal);
}
