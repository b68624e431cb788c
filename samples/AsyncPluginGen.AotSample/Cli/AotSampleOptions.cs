namespace AsyncPluginGen.AotSample.Cli;

/// <summary>What a run does: how many tasks, and whether to print start-up timings.</summary>
public sealed record AotSampleOptions
{
    /// <summary>The fewest tasks a run accepts.</summary>
    public const int MinTasks = 1;

    /// <summary>The most tasks a run accepts.</summary>
    public const int MaxTasks = 1_000;

    /// <summary>Tasks to run; every tenth is aborted once its remote job exists.</summary>
    public int Tasks { get; init; } = 100;

    /// <summary>Print start-up figures: process start to Main, registry cold start, first task terminal, total.</summary>
    public bool Timings { get; init; }

    /// <summary>How long to wait for every task to end before counting the rest as lost.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(60);
}
