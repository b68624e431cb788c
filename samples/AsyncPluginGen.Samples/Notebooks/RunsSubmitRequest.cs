namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// The body of <c>POST /api/2.1/jobs/runs/submit</c>: a one-time run of one notebook task. Only the fields the plugin
/// sends are modelled; the real API has many more (libraries, notifications, access control, ...).
/// </summary>
/// <param name="RunName">The run's name in the Databricks UI.</param>
/// <param name="IdempotencyToken">At most 64 characters; a second submit with the same token returns the first run's id.</param>
/// <param name="Tasks">The run's tasks; the plugin sends exactly one.</param>
public sealed record RunsSubmitRequest(string RunName, string IdempotencyToken, IReadOnlyList<RunSubmitTask> Tasks);

/// <summary>One task of a one-time run.</summary>
/// <param name="TaskKey">The task's name within the run.</param>
/// <param name="NotebookTask">The notebook to run.</param>
/// <param name="ExistingClusterId">An all-purpose cluster to run on, or null to start <paramref name="NewCluster"/>.</param>
/// <param name="NewCluster">A job cluster started for this run and terminated after it, when no existing cluster is named.</param>
public sealed record RunSubmitTask(string TaskKey, NotebookTask NotebookTask, string? ExistingClusterId = null, NewCluster? NewCluster = null);

/// <summary>The notebook a task runs.</summary>
/// <param name="NotebookPath">The absolute workspace path of the notebook, such as <c>/Shared/etl/daily</c>.</param>
/// <param name="BaseParameters">The notebook's widget values; Databricks passes every value as a string.</param>
public sealed record NotebookTask(string NotebookPath, IReadOnlyDictionary<string, string>? BaseParameters = null);

/// <summary>The job cluster a run starts when it does not name an existing cluster.</summary>
/// <param name="SparkVersion">The Databricks runtime, such as <c>15.4.x-scala2.12</c>.</param>
/// <param name="NodeTypeId">The VM type of every node.</param>
/// <param name="NumWorkers">The number of workers besides the driver.</param>
public sealed record NewCluster(string SparkVersion, string NodeTypeId, int NumWorkers);
