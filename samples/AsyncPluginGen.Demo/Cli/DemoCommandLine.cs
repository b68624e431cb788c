using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace AsyncPluginGen.Demo.Cli;

/// <summary>The demo's command line: options, validation and help, on System.CommandLine.</summary>
public static class DemoCommandLine
{
    /// <summary>Exit code for bad arguments.</summary>
    public const int BadArguments = 2;

    /// <summary>What parsing decided.</summary>
    /// <param name="Options">The options to run with, when the run should go ahead.</param>
    /// <param name="ExitCode">The exit code when it should not: 0 after help, <see cref="BadArguments"/> after errors.</param>
    public readonly record struct Parsed(DemoOptions? Options, int ExitCode);

    /// <summary>Parses <paramref name="args"/>; prints help or errors itself.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where help goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>Options to run with, or an exit code.</returns>
    public static Parsed Parse(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var tasks = new Option<int>("--tasks", "-n")
        {
            Description = "How many tasks to run across the sample plugins (1-100000).",
            DefaultValueFactory = _ => DemoOptions.DefaultTasks,
        };
        tasks.Validators.Add(r => InRange<int>(r, 1, 100_000));
        var faultRate = new Option<double>("--fault-rate")
        {
            Description = "Probability (0-1) that a call to a fake service fails: 500, 503, 429, or a response lost after the work was done.",
            DefaultValueFactory = _ => DemoOptions.DefaultFaultRate,
        };
        faultRate.Validators.Add(r => InRange<double>(r, 0, 1));
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the random choices. The task mix, inputs and aborts repeat exactly; which request meets a fault varies with the order requests arrive in.",
            DefaultValueFactory = _ => 42,
        };
        var abortFraction = new Option<double>("--abort-fraction")
        {
            Description = "Fraction (0-1) of tasks aborted while they run; their remote jobs must be cancelled.",
            DefaultValueFactory = _ => DemoOptions.DefaultAbortFraction,
        };
        abortFraction.Validators.Add(r => InRange<double>(r, 0, 1));
        var json = new Option<bool>("--json")
        {
            Description = "Print the summary as JSON on standard output; progress lines go to standard error.",
        };

        var viaAgent = new Option<bool>("--via-agent")
        {
            Description = "Run the same workload through the Flyte agent protocol: the host drives RemoteAgentPlugin over gRPC on 127.0.0.1 to an agent service that serves the sample plugins.",
        };

        var store = new Option<string>("--store")
        {
            Description = "The SQLite file where the host keeps its tasks, so that a run killed midway (or stopped) is resumed by the next one; the next run shows the tasks it recovered.",
            DefaultValueFactory = _ => DemoOptions.DefaultStorePath,
        };
        var noStore = new Option<bool>("--no-store")
        {
            Description = "Keep tasks in memory only (nothing is recovered after a kill).",
        };

        var root = new RootCommand(
            "Runs the AsyncPluginGen sample plugins (warehouse queries, notebook runs, training jobs and a synchronous image check) "
            + "against in-process fake services through the plugin host, with live progress and a summary. "
            + "Exit code 0 when every task and remote job is accounted for, 1 when a job leaked or a task was lost, 2 for bad arguments, 3 when the demo could not start.")
        {
            tasks,
            faultRate,
            seed,
            abortFraction,
            json,
            viaAgent,
            store,
            noStore,
        };

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                error.WriteLine("error: " + parseError.Message);
            }

            error.WriteLine("Run with --help to see the options.");
            return new Parsed(null, BadArguments);
        }

        if (result.Action is not null)
        {
            // --help or --version: System.CommandLine prints it.
            var exit = result.Invoke(new InvocationConfiguration { Output = output, Error = error });
            return new Parsed(null, exit);
        }

        return new Parsed(
            new DemoOptions
            {
                Tasks = result.GetValue(tasks),
                FaultRate = result.GetValue(faultRate),
                Seed = result.GetValue(seed),
                AbortFraction = result.GetValue(abortFraction),
                Json = result.GetValue(json),
                ViaAgent = result.GetValue(viaAgent),
                StorePath = result.GetValue(noStore) ? null : result.GetValue(store),
            },
            0);
    }

    private static void InRange<T>(OptionResult option, double min, double max)
        where T : IConvertible
    {
        double value;
        try
        {
            value = option.GetValueOrDefault<T>().ToDouble(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return; // Not a number at all: System.CommandLine reports that error itself.
        }

        if (!(value >= min && value <= max))
        {
            option.AddError(string.Create(
                CultureInfo.InvariantCulture,
                $"{option.Option.Name} must be between {min} and {max}; got {value}."));
        }
    }
}
