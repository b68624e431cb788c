using System.Net.Sockets;
using AsyncPluginGen.AotSample.Cli;
using AsyncPluginGen.AotSample.Reporting;
using AsyncPluginGen.AotSample.Running;

namespace AsyncPluginGen.AotSample;

/// <summary>The sample's entry point, callable in-process by tests with writers of their own.</summary>
public static class AotSampleApp
{
    /// <summary>Exit code when a task missed its expected final phase, or the service found a job leaked or a task lost.</summary>
    public const int Failed = 1;

    /// <summary>Exit code when the sample itself could not run (for example, no loopback port).</summary>
    public const int CouldNotRun = 3;

    /// <summary>Parses <paramref name="args"/>, runs the tasks, and prints the summary (and the timings with <c>--timings</c>).</summary>
    /// <param name="args">Command-line arguments; <c>--help</c> lists them.</param>
    /// <param name="output">Standard output: the summary and timings.</param>
    /// <param name="error">Standard error: argument errors, and why a run failed.</param>
    /// <param name="clock">When <c>Main</c> began (<see cref="MainClock.InProcess"/> for a run started by a test).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>0 when every task reached its expected phase and nothing leaked or was lost; 1 otherwise; 2 for bad arguments; 3 when the sample could not run.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, MainClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = AotSampleCommandLine.Parse(args, output, error);
        if (parsed.Options is not { } options)
        {
            return parsed.ExitCode;
        }

        RunSummary summary;
        StartupTimings timings;
        try
        {
            (summary, timings) = await AotSampleRun.RunAsync(options, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await error.WriteLineAsync("error: the sample could not run: " + e.Message).ConfigureAwait(false);
            return CouldNotRun;
        }

        SummaryWriter.Write(output, summary);
        if (options.Timings)
        {
            SummaryWriter.Write(output, timings);
        }

        if (!summary.Ok)
        {
            await error.WriteLineAsync("error: the run failed: see the 'problem:' lines above.").ConfigureAwait(false);
            return Failed;
        }

        return 0;
    }
}
