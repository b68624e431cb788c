using System.Globalization;

namespace AsyncPluginGen.AotSample.Cli;

/// <summary>
/// Parses the command line by hand: two options do not need a parser library, and this way nothing in the sample
/// depends on reflection to read its arguments.
/// </summary>
public static class AotSampleCommandLine
{
    /// <summary>Exit code for bad arguments.</summary>
    public const int BadArguments = 2;

    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public const string Usage = """
        Usage: AsyncPluginGen.AotSample [--tasks N] [--timings]

        Hosts the generated warehouse_query plugin (through AddAsyncPluginGenSamplesPlugins() and a PluginHost) and runs
        N tasks against a fake BigQuery service on 127.0.0.1. Every tenth task is aborted once its job exists.

          --tasks N    tasks to run, 1 to 1000 (default 100)
          --timings    also print start-up figures: process start to Main, registry cold start, first task terminal, total
          --help       show this text

        Exit code 0 when every task reached its expected final phase and the service found nothing leaked or lost,
        1 otherwise, 2 for bad arguments, 3 when the sample could not run.
        """;

    /// <summary>The outcome of parsing: options to run with, or an exit code to return at once.</summary>
    /// <param name="Options">The options, or null when the process should exit with <paramref name="ExitCode"/>.</param>
    /// <param name="ExitCode">0 after <c>--help</c>, <see cref="BadArguments"/> after an error.</param>
    public sealed record Parsed(AotSampleOptions? Options, int ExitCode);

    /// <summary>Parses <paramref name="args"/>; writes help to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where <c>--help</c> goes.</param>
    /// <param name="error">Where argument errors go.</param>
    /// <returns>The options, or the exit code to return.</returns>
    public static Parsed Parse(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = new AotSampleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return new Parsed(null, 0);
                case "--timings":
                    options = options with { Timings = true };
                    break;
                case "--tasks":
                    if (i + 1 >= args.Count)
                    {
                        return Bad(error, "--tasks needs a value");
                    }

                    var value = args[++i];
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var tasks))
                    {
                        return Bad(error, $"--tasks must be a whole number; got '{value}'");
                    }

                    if (tasks is < AotSampleOptions.MinTasks or > AotSampleOptions.MaxTasks)
                    {
                        return Bad(error, $"--tasks must be between {AotSampleOptions.MinTasks} and {AotSampleOptions.MaxTasks}; got {tasks}");
                    }

                    options = options with { Tasks = tasks };
                    break;
                default:
                    return Bad(error, $"unknown argument '{args[i]}'");
            }
        }

        return new Parsed(options, 0);
    }

    private static Parsed Bad(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}. See --help.");
        return new Parsed(null, BadArguments);
    }
}
