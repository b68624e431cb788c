namespace AsyncPluginGen.Demo.Running;

/// <summary>Decides the run's tasks from the seed: which plugin each goes to, its inputs, and which ones get aborted.</summary>
internal static class WorkloadPlanner
{
    /// <summary>The Flyte project and domain every demo task runs in.</summary>
    public const string Project = "demo";

    /// <summary>Plans <paramref name="count"/> tasks over <paramref name="lanes"/>, weighted by <see cref="SampleLane.Weight"/>.</summary>
    /// <param name="lanes">The plugins.</param>
    /// <param name="count">How many tasks.</param>
    /// <param name="abortFraction">Fraction of asynchronous tasks to abort mid-flight.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="executionName">Distinguishes this run's tasks (and so their idempotency keys) from other runs.</param>
    /// <returns>The tasks in submission order.</returns>
    public static IReadOnlyList<PlannedTask> Plan(IReadOnlyList<SampleLane> lanes, int count, double abortFraction, int seed, string executionName)
    {
        var random = new Random(seed);
        var total = lanes.Sum(l => l.Weight);
        var tasks = new List<PlannedTask>(count);
        for (var i = 0; i < count; i++)
        {
            var lane = Pick(lanes, random.NextDouble() * total);
            var id = new TaskExecutionId(Project, "development", executionName, $"n{i:D5}");
            var task = new TaskContext(lane.TaskType, id)
            {
                Namespace = Project + "-development",
                Inputs = lane.Inputs(random, i),
            };

            // Aborts land while the job runs: after Create, usually before the job would end by itself.
            TimeSpan? abortAfter = !lane.IsSync && random.NextDouble() < abortFraction
                ? TimeSpan.FromMilliseconds(300 + random.Next(2_500))
                : null;
            tasks.Add(new PlannedTask(i, lane, task, abortAfter));
        }

        return tasks;
    }

    private static SampleLane Pick(IReadOnlyList<SampleLane> lanes, double point)
    {
        foreach (var lane in lanes)
        {
            if (point < lane.Weight)
            {
                return lane;
            }

            point -= lane.Weight;
        }

        return lanes[^1];
    }
}
