namespace Dashboard.Simulator.Synthetic;

/// <summary>China Standard Time: the rhythm of calls follows the township's clock, which has no daylight saving.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Of(DateTimeOffset at) => at.ToOffset(Offset);
}
