namespace Dashboard.Core.Disputes;

/// <summary>
/// How long the responsible unit has: by risk colour (configurable defaults: red 3 days, yellow 7, green 15), plus extra days
/// for each level a case has been escalated above the village, where harder cases land.
/// </summary>
public sealed class DisputeDeadlines
{
    public const string Section = "Disputes:Deadlines";
    public int RedDays { get; set; } = 3;
    public int YellowDays { get; set; } = 7;
    public int GreenDays { get; set; } = 15;
    public int ExtraDaysPerLevel { get; set; } = 5;

    /// <summary>Red cases this close to their deadline are flagged to the responsible person and the chief in advance.</summary>
    public int RedWarningHours { get; set; } = 24;

    public DateTimeOffset For(RiskColor risk, DateTimeOffset from, DisputeLevel level = DisputeLevel.Village) => from.AddDays(risk switch
    {
        RiskColor.Red => RedDays,
        RiskColor.Yellow => YellowDays,
        _ => GreenDays,
    } + (int)level * ExtraDaysPerLevel);
}
