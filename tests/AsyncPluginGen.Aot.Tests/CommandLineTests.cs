using AsyncPluginGen.AotSample.Cli;

namespace AsyncPluginGen.Aot.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void NoArguments_Give100TasksWithoutTimings()
    {
        var (parsed, output, error) = Parse();

        Assert.Equal(new AotSampleOptions { Tasks = 100, Timings = false }, parsed.Options);
        Assert.Empty(output);
        Assert.Empty(error);
    }

    [Fact]
    public void EveryOption_IsParsed()
    {
        var (parsed, _, error) = Parse("--timings", "--tasks", "7");

        Assert.Empty(error);
        Assert.Equal(new AotSampleOptions { Tasks = 7, Timings = true }, parsed.Options);
    }

    [Theory]
    [InlineData("--tasks", "0", "--tasks must be between 1 and 1000; got 0")]
    [InlineData("--tasks", "1001", "--tasks must be between 1 and 1000; got 1001")]
    [InlineData("--tasks", "-5", "--tasks must be a whole number; got '-5'")]
    [InlineData("--tasks", "many", "--tasks must be a whole number; got 'many'")]
    [InlineData("--tasks", null, "--tasks needs a value")]
    [InlineData("--verbose", null, "unknown argument '--verbose'")]
    public void BadArguments_ExitWith2_AndSayWhatIsWrong(string option, string? value, string expected)
    {
        var (parsed, output, error) = value is null ? Parse(option) : Parse(option, value);

        Assert.Null(parsed.Options);
        Assert.Equal(AotSampleCommandLine.BadArguments, parsed.ExitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public void Help_ListsEveryOption_AndExitsWith0()
    {
        var (parsed, output, error) = Parse("--help");

        Assert.Null(parsed.Options);
        Assert.Equal(0, parsed.ExitCode);
        Assert.Empty(error);
        foreach (var option in new[] { "--tasks", "--timings", "--help", "Exit code 0" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    private static (AotSampleCommandLine.Parsed Parsed, string Output, string Error) Parse(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parsed = AotSampleCommandLine.Parse(args, output, error);
        return (parsed, output.ToString(), error.ToString());
    }
}
