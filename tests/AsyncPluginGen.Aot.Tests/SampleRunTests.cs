using AsyncPluginGen.Aot.Tests.Infrastructure;
using AsyncPluginGen.AotSample;

namespace AsyncPluginGen.Aot.Tests;

/// <summary>The AOT sample run in-process and as a JIT process: real fake service on 127.0.0.1, real host, small task counts.</summary>
public sealed class SampleRunTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task InProcess_EveryTaskReachesItsExpectedPhase_AndTheServiceFindsNothingLeakedOrLost()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AotSampleApp.RunAsync(["--tasks", "20", "--timings"], output, error, MainClock.InProcess(), CancellationToken.None).WaitAsync(RunLimit);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Empty(error.ToString());
        var summary = SampleOutput.Parse(output.ToString());
        summary.AssertAllAsExpected(20);
        Assert.StartsWith("JIT", summary.Runtime, StringComparison.Ordinal);
        Assert.Equal("n/a (run in-process)", summary.Timings["process-start-to-main-ms"]);
        Assert.True(summary.TimingMs("registry-cold-start-ms") > 0);
        Assert.True(summary.TimingMs("first-task-terminal-ms") <= summary.TimingMs("total-ms"));
    }

    [Fact]
    public async Task WithoutTimings_PrintsNoTimingLines()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AotSampleApp.RunAsync(["--tasks", "3"], output, error, MainClock.InProcess(), CancellationToken.None).WaitAsync(RunLimit);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var summary = SampleOutput.Parse(output.ToString());
        summary.AssertAllAsExpected(3);
        Assert.Empty(summary.Timings);
    }

    [Fact]
    public async Task OneTask_ItsEndIsBothTheFirstAndTheLast_AndItsTimeIsReported()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AotSampleApp.RunAsync(["--tasks", "1", "--timings"], output, error, MainClock.InProcess(), CancellationToken.None).WaitAsync(RunLimit);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var summary = SampleOutput.Parse(output.ToString());
        summary.AssertAllAsExpected(1);
        Assert.True(summary.TimingMs("first-task-terminal-ms") <= summary.TimingMs("total-ms"));
    }

    [Fact]
    public async Task AsAJitProcess_ExitsWith0_AndMeasuresProcessStartToMainFromTheLaunchersClock()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AsyncPluginGen.AotSample.dll");
        Assert.True(File.Exists(dll), dll);

        var run = await ProcessRunner.RunAsync(
            "dotnet",
            [dll, "--tasks", "10", "--timings"],
            RunLimit,
            environment: new Dictionary<string, Func<string>> { [MainClock.LaunchedAtVariable] = LaunchedAt });

        Assert.True(run.Exit == 0, run.ToString());
        var summary = SampleOutput.Parse(run.Output);
        summary.AssertAllAsExpected(10);
        Assert.StartsWith("JIT", summary.Runtime, StringComparison.Ordinal);
        Assert.EndsWith("(launcher's APG_LAUNCHED_AT_UNIX_US)", summary.Timings["process-start-to-main-ms"], StringComparison.Ordinal);
        Assert.True(summary.TimingMs("process-start-to-main-ms") > 0);
    }

    [Fact]
    public async Task AsAJitProcess_BadArgumentsExitWith2()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AsyncPluginGen.AotSample.dll");

        var run = await ProcessRunner.RunAsync("dotnet", [dll, "--tasks", "0"], RunLimit);

        Assert.Equal(2, run.Exit);
        Assert.Contains("--tasks must be between 1 and 1000; got 0", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    /// <summary>The wall clock in microseconds since the Unix epoch, read as the process is started.</summary>
    internal static string LaunchedAt() =>
        ((DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
