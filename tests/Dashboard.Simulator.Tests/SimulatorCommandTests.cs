namespace Dashboard.Simulator.Tests;

public sealed class SimulatorCommandTests
{
    [Fact]
    public async Task A_usage_error_exits_with_code_2_and_prints_the_usage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SimulatorCommand.RunAsync(["--url", "http://localhost:5000"], output, error, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("--api-key is required", error.ToString());
        Assert.Contains("Usage:", error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_cleanly()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SimulatorCommand.RunAsync(["--help"], output, error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains("--position-interval", output.ToString());
        Assert.Empty(error.ToString());
    }
}
