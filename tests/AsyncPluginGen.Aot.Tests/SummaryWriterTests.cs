using AsyncPluginGen.Aot.Tests.Infrastructure;
using AsyncPluginGen.AotSample.Reporting;

namespace AsyncPluginGen.Aot.Tests;

/// <summary>The failure side of the summary, which a healthy run never shows.</summary>
public sealed class SummaryWriterTests
{
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(0, 0, 1)]
    public void AnUnexpectedPhase_ALeak_OrALoss_IsAFailure(int unexpected, int leaked, int lost)
    {
        var summary = Summary(unexpected, leaked, lost, ["task x ended Unfinished, expected Success"]);

        Assert.False(summary.Ok);
        var text = Write(summary);
        Assert.Contains($"FAILED: {unexpected} of 10 tasks did not reach their expected final phase; leaked {leaked}, lost {lost}.", text, StringComparison.Ordinal);
        Assert.Contains("problem: task x ended Unfinished, expected Success", text, StringComparison.Ordinal);
        Assert.DoesNotContain("OK:", text, StringComparison.Ordinal);
        Assert.False(SampleOutput.Parse(text).Ok);
    }

    [Fact]
    public void ACleanRun_IsOk_AndListsExpectedPhasesEvenWhenNoTaskReachedThem()
    {
        var summary = Summary(0, 0, 0, []) with
        {
            Phases = new Dictionary<string, int> { ["Success"] = 9, ["Aborted"] = 1 },
            Expected = new Dictionary<string, int> { ["Success"] = 9, ["Aborted"] = 1 },
        };

        var parsed = SampleOutput.Parse(Write(summary));

        Assert.True(summary.Ok);
        Assert.True(parsed.Ok);
        Assert.Equal((9, 9), parsed.Phases["Success"]);
        Assert.Equal((1, 1), parsed.Phases["Aborted"]);

        var missing = Write(Summary(1, 0, 0, []) with { Phases = new Dictionary<string, int> { ["Unfinished"] = 10 } });
        Assert.Contains("phase Success: 0 (expected 10)", missing, StringComparison.Ordinal);
        Assert.Contains("phase Unfinished: 10 (expected 0)", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Timings_AreMillisecondsWithTheirSource()
    {
        var timings = new StartupTimings((TimeSpan.FromMilliseconds(4.5), "launcher's APG_LAUNCHED_AT_UNIX_US"), new RegistryTimings(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(0.5), TimeSpan.FromMilliseconds(2.25)), TimeSpan.FromMilliseconds(30), null, TimeSpan.FromSeconds(5));
        using var output = new StringWriter();

        SummaryWriter.Write(output, timings);

        var text = output.ToString();
        Assert.Contains("timing process-start-to-main-ms: 4.500 (launcher's APG_LAUNCHED_AT_UNIX_US)", text, StringComparison.Ordinal);
        Assert.Contains("timing registry-cold-start-ms: 3.750 (build provider 1.000, resolve catalog 0.500, resolve host 2.250)", text, StringComparison.Ordinal);
        Assert.Contains("timing first-task-terminal-ms: n/a (no task ended)", text, StringComparison.Ordinal);
        Assert.Contains("timing total-ms: 5000.000", text, StringComparison.Ordinal);
    }

    private static RunSummary Summary(int unexpected, int leaked, int lost, IReadOnlyList<string> problems) => new(
        "JIT",
        10,
        new Dictionary<string, int> { ["Success"] = 10 - unexpected, ["Unfinished"] = unexpected },
        new Dictionary<string, int> { ["Success"] = 10 },
        unexpected,
        10,
        20,
        leaked,
        lost,
        problems,
        TimeSpan.FromSeconds(5));

    private static string Write(RunSummary summary)
    {
        using var output = new StringWriter();
        SummaryWriter.Write(output, summary);
        return output.ToString();
    }
}
