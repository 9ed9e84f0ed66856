namespace Dashboard.Simulator.Tests;

public sealed class SimulatorArgumentsTests
{
    [Fact]
    public void Url_and_api_key_alone_run_a_realistic_simulation()
    {
        var parsed = SimulatorArguments.Parse(["--url", "http://localhost:5000", "--api-key", "secret"]);

        Assert.Null(parsed.Error);
        Assert.Equal(new Uri("http://localhost:5000"), parsed.Options!.Url);
        Assert.Equal("secret", parsed.Options.ApiKey);
        Assert.Equal(1, parsed.Options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(5), parsed.Options.PositionInterval);
        Assert.Null(parsed.Options.Seed);
        Assert.Null(parsed.Options.Duration);
    }

    [Fact]
    public void Every_option_can_be_given_with_a_space_or_an_equals_sign()
    {
        var parsed = SimulatorArguments.Parse(
            ["--url=https://dashboard.local/", "--api-key", "k", "--rate=2.5", "--position-interval", "0.5", "--seed=-7", "--duration", "60"]);

        Assert.Null(parsed.Error);
        Assert.Equal(2.5, parsed.Options!.Rate);
        Assert.Equal(TimeSpan.FromMilliseconds(500), parsed.Options.PositionInterval);
        Assert.Equal(-7, parsed.Options.Seed);
        Assert.Equal(TimeSpan.FromSeconds(60), parsed.Options.Duration);
    }

    [Theory]
    [InlineData("--url", "--api-key k")]
    [InlineData("--api-key", "--url http://localhost:5000")]
    [InlineData("--url", "--url ftp://server --api-key k")]
    [InlineData("--url", "--url not-a-url --api-key k")]
    [InlineData("--rate", "--url http://h --api-key k --rate -1")]
    [InlineData("--rate", "--url http://h --api-key k --rate fast")]
    [InlineData("--rate", "--url http://h --api-key k --rate NaN")]
    [InlineData("--position-interval", "--url http://h --api-key k --position-interval 0")]
    [InlineData("--seed", "--url http://h --api-key k --seed 1.5")]
    [InlineData("--duration", "--url http://h --api-key k --duration -60")]
    [InlineData("--duration", "--url http://h --api-key k --duration")]
    [InlineData("--rate", "--url http://h --api-key k --rate 1 --rate 2")]
    [InlineData("--verbose", "--url http://h --api-key k --verbose")]
    public void Missing_or_invalid_arguments_are_explained(string culprit, string commandLine)
    {
        var parsed = SimulatorArguments.Parse(commandLine.Split(' '));

        Assert.Null(parsed.Options);
        Assert.Contains(culprit, parsed.Error);
    }

    [Fact]
    public void Help_is_a_request_not_an_error()
    {
        var parsed = SimulatorArguments.Parse(["--help"]);

        Assert.True(parsed.HelpRequested);
        Assert.Null(parsed.Error);
    }
}
