using System.Globalization;

namespace Dashboard.Benchmarks;

/// <summary>Reads a process's own CPU time and memory from /proc, so the figures are the server's, not the load generator's.</summary>
public sealed class ProcessMeter(int pid)
{
    // USER_HZ is 100 on every Linux we run; /proc/PID/stat counts in those ticks.
    private const double TicksPerSecond = 100;

    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Peak resident set (VmHWM) in MiB.</summary>
    public double PeakRssMb() => StatusKb("VmHWM") / 1024.0;

    public double RssMb() => StatusKb("VmRSS") / 1024.0;

    private long StatusKb(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
                return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return 0;
    }
}
