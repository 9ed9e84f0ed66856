namespace Dashboard.Core.Disputes;

/// <summary>How long the responsible unit has, by risk colour (configurable defaults: red 3 days, yellow 7, green 15).</summary>
public sealed class DisputeDeadlines
{
    public const string Section = "Disputes:Deadlines";
    public int RedDays { get; set; } = 3;
    public int YellowDays { get; set; } = 7;
    public int GreenDays { get; set; } = 15;

    public DateTimeOffset For(RiskColor risk, DateTimeOffset from) => from.AddDays(risk switch
    {
        RiskColor.Red => RedDays,
        RiskColor.Yellow => YellowDays,
        _ => GreenDays,
    });
}
