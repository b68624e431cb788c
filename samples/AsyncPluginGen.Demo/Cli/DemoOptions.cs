namespace AsyncPluginGen.Demo.Cli;

/// <summary>What one demo run does, from the command line.</summary>
public sealed record DemoOptions
{
    /// <summary>The default number of tasks.</summary>
    public const int DefaultTasks = 1000;

    /// <summary>The default probability that a remote call gets an injected fault.</summary>
    public const double DefaultFaultRate = 0.05;

    /// <summary>The default fraction of tasks aborted mid-flight.</summary>
    public const double DefaultAbortFraction = 0.05;

    /// <summary>How many tasks to run across the plugins.</summary>
    public int Tasks { get; init; } = DefaultTasks;

    /// <summary>Probability in [0, 1] that a call to a fake service gets an injected fault (500, 503, 429, lost response).</summary>
    public double FaultRate { get; init; } = DefaultFaultRate;

    /// <summary>The seed of the random choices: the task mix, inputs and aborts repeat exactly; faults and durations depend on request order too.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Fraction in [0, 1] of tasks aborted while they run.</summary>
    public double AbortFraction { get; init; } = DefaultAbortFraction;

    /// <summary>Print the summary as JSON on standard output (progress goes to standard error).</summary>
    public bool Json { get; init; }

    /// <summary>Whether the host reaches the plugins through the Flyte agent service over gRPC instead of in-process.</summary>
    public bool ViaAgent { get; init; }

    /// <summary>Where the host keeps its tasks (a SQLite file), so a run killed midway is resumed by the next; null: in memory only.</summary>
    public string? StorePath { get; init; } = DefaultStorePath;

    /// <summary>The task store's default file: in the temporary directory, shared by successive runs.</summary>
    public static string DefaultStorePath => Path.Combine(Path.GetTempPath(), "asyncplugingen-demo", "tasks.db");

    /// <summary>How long to wait for every task to end before counting the rest as lost.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(3);
}
