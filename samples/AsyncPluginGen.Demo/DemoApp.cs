using AsyncPluginGen.Demo.Cli;
using AsyncPluginGen.Demo.Reporting;
using AsyncPluginGen.Demo.Running;
using Spectre.Console;

namespace AsyncPluginGen.Demo;

/// <summary>The demo's entry point, callable in-process by tests with writers of their own.</summary>
public static class DemoApp
{
    /// <summary>Exit code when a remote job leaked or a task was lost.</summary>
    public const int LeakedOrLost = 1;

    /// <summary>Exit code when the demo itself could not run (for example, no loopback port).</summary>
    public const int CouldNotRun = 3;

    /// <summary>Parses <paramref name="args"/>, runs the demo, and prints progress and the summary.</summary>
    /// <param name="args">Command-line arguments; <c>--help</c> lists them.</param>
    /// <param name="output">Standard output: the live display and summary, or the JSON summary with <c>--json</c>.</param>
    /// <param name="error">Standard error: argument errors, and progress lines with <c>--json</c>.</param>
    /// <param name="cancellationToken">Interrupts the run; the summary is still printed. With a task store the tasks in flight stay in it for the next run; without one they are aborted.</param>
    /// <returns>0 when every job and task is accounted for, 1 when a job leaked or a task was lost, 2 for bad arguments, 3 when the demo could not run.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = DemoCommandLine.Parse(args, output, error);
        if (parsed.Options is not { } options)
        {
            return parsed.ExitCode;
        }

        // A live display only on a real terminal; logs, pipes and --json get plain lines without control characters.
        var live = !options.Json && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(options.Json ? error : output),
        });
        if (!live)
        {
            console.Profile.Width = 132;
        }

        IProgressView view = live ? new LiveProgressView(console) : new PlainProgressView(options.Json ? error : output, TimeSpan.FromSeconds(5));
        DemoSummary summary;
        try
        {
            summary = await DemoRun.RunAsync(options, view, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            await error.WriteLineAsync("error: the demo could not run: " + e.Message).ConfigureAwait(false);
            return CouldNotRun;
        }

        if (options.Json)
        {
            await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(summary, DemoJsonContext.Default.DemoSummary)).ConfigureAwait(false);
        }
        else
        {
            SummaryView.Render(console, summary, plain: !live);
        }

        return summary.Ok ? 0 : LeakedOrLost;
    }
}
