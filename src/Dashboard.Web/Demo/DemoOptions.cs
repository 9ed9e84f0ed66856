namespace Dashboard.Web.Demo;

/// <summary>The synthetic demo: data, accounts, API key and the in-process simulator. All off outside Development.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the synthetic jurisdiction and its history into an empty database.</summary>
    public bool? Seed { get; set; }

    public int HistoryDays { get; set; } = 365;

    /// <summary>How many units to seed. The township's own ~80 come first; benchmarks raise this to thousands, and the
    /// extra units are spread over the stations like additional patrol cars and foot patrols.</summary>
    public int Units { get; set; } = DefaultUnits;

    /// <summary>The township's own units: 36 police units, a grid worker for every two grids (30), 14 volunteers and 3 heavy vehicles.</summary>
    public const int DefaultUnits = 83;

    /// <summary>Run the simulator in-process, posting through the public API like a real upstream.</summary>
    public bool? Simulator { get; set; }

    /// <summary>Alarm rate multiplier for the in-process simulator (1 = a real township's rhythm).</summary>
    public double SimulatorRate { get; set; } = 4;

    public double PositionIntervalSeconds { get; set; } = 5;

    /// <summary>Password of the demo accounts; generated and printed when unset.</summary>
    public string? Password { get; set; }

    /// <summary>The simulator's API key; generated and printed when unset.</summary>
    public string? ApiKey { get; set; }
}
