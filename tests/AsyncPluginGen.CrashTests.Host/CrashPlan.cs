using System.Text.Json;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Training;
using AsyncPluginGen.Samples.Warehouse;

namespace AsyncPluginGen.CrashTests.Host;

/// <summary>One planned task: its context, the service that runs its job, and whether (and when) it is aborted.</summary>
/// <param name="Task">The task.</param>
/// <param name="Service">warehouse, notebooks or training.</param>
/// <param name="AbortAfter">Abort this long after the host (re)starts, when set.</param>
public sealed record CrashTask(TaskContext Task, string Service, TimeSpan? AbortAfter);

/// <summary>The workload, the same in the child and in the test for a seed: names, plugins, inputs and aborts.</summary>
public static class CrashPlan
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<CrashTask> Of(int count, int seed, double abortFraction)
    {
        var random = new Random(seed);
        var tasks = new List<CrashTask>(count);
        for (var i = 0; i < count; i++)
        {
            var id = new TaskExecutionId("crash", "development", $"seed{seed}", $"n{i:D5}");
            var pick = random.NextDouble();
            var (type, service, inputs) = pick switch
            {
                < 0.4 => (WarehouseQueryPlugin.TaskType, "warehouse", Inputs(new WarehouseQueryInputs("SELECT country, COUNT(*) FROM shop.orders GROUP BY country"))),
                < 0.7 => (NotebookRunPlugin.TaskType, "notebooks", Inputs(new NotebookRunInputs("/Repos/analytics/daily", new Dictionary<string, string> { ["partition"] = "2026-12-01" }))),
                _ => (TrainingJobPlugin.TaskType, "training", Inputs(new TrainingJobInputs("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", "ml.m5.xlarge"))),
            };
            var abort = random.NextDouble() < abortFraction ? TimeSpan.FromMilliseconds(200 + random.Next(2_000)) : (TimeSpan?)null;
            tasks.Add(new CrashTask(new TaskContext(type, id) { Namespace = "crash-development", Inputs = inputs }, service, abort));
        }

        return tasks;
    }

    /// <summary>The idempotency key the task's service sees.</summary>
    public static string KeyFor(CrashTask task) => task.Service switch
    {
        "warehouse" => WarehouseQueryPlugin.KeyFor(task.Task),
        "notebooks" => NotebookRunPlugin.KeyFor(task.Task),
        _ => TrainingJobPlugin.KeyFor(task.Task),
    };

    private static JsonElement Inputs<T>(T value) => JsonSerializer.SerializeToElement(value, Json);
}
