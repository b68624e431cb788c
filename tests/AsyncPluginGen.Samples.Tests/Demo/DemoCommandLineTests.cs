using AsyncPluginGen.Demo.Cli;

namespace AsyncPluginGen.Samples.Tests.Demo;

public sealed class DemoCommandLineTests
{
    [Fact]
    public void NoArguments_GiveTheDocumentedDefaults()
    {
        var (parsed, output, error) = Parse();

        Assert.Equal(new DemoOptions(), parsed.Options);
        Assert.Equal(1000, parsed.Options!.Tasks);
        Assert.Equal(0.05, parsed.Options.FaultRate);
        Assert.Equal(0.05, parsed.Options.AbortFraction);
        Assert.False(parsed.Options.Json);
        Assert.Empty(output);
        Assert.Empty(error);
    }

    [Fact]
    public void EveryOption_IsParsed()
    {
        var (parsed, _, error) = Parse("--tasks", "25", "--fault-rate", "0.2", "--seed", "7", "--abort-fraction", "0.5", "--json", "--via-agent");

        Assert.Empty(error);
        Assert.Equal(new DemoOptions { Tasks = 25, FaultRate = 0.2, Seed = 7, AbortFraction = 0.5, Json = true, ViaAgent = true }, parsed.Options);
    }

    [Fact]
    public void Store_DefaultsToAFileInTheTempDirectory_AndCanBeMovedOrTurnedOff()
    {
        Assert.Equal(DemoOptions.DefaultStorePath, Parse().Parsed.Options!.StorePath);
        Assert.StartsWith(Path.GetTempPath(), DemoOptions.DefaultStorePath, StringComparison.Ordinal);
        Assert.Equal("/data/tasks.db", Parse("--store", "/data/tasks.db").Parsed.Options!.StorePath);
        Assert.Null(Parse("--no-store").Parsed.Options!.StorePath);
    }

    [Theory]
    [InlineData("--tasks", "0", "--tasks must be between 1 and 100000; got 0")]
    [InlineData("--tasks", "100001", "--tasks must be between 1 and 100000; got 100001")]
    [InlineData("--fault-rate", "1.5", "--fault-rate must be between 0 and 1; got 1.5")]
    [InlineData("--abort-fraction", "-0.1", "--abort-fraction must be between 0 and 1; got -0.1")]
    [InlineData("--tasks", "many", "many")]
    [InlineData("--verbose", "yes", "--verbose")]
    public void BadArguments_ExitWith2_AndSayWhatIsWrong(string option, string value, string expected)
    {
        var (parsed, output, error) = Parse(option, value);

        Assert.Null(parsed.Options);
        Assert.Equal(DemoCommandLine.BadArguments, parsed.ExitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public void Help_ListsEveryOption_AndExitsWith0()
    {
        var (parsed, output, _) = Parse("--help");

        Assert.Null(parsed.Options);
        Assert.Equal(0, parsed.ExitCode);
        foreach (var option in new[] { "--tasks", "--fault-rate", "--seed", "--abort-fraction", "--json", "--via-agent", "--help" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        Assert.Contains("Exit code 0", output, StringComparison.Ordinal);
    }

    private static (DemoCommandLine.Parsed Parsed, string Output, string Error) Parse(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parsed = DemoCommandLine.Parse(args, output, error);
        return (parsed, output.ToString(), error.ToString());
    }
}
