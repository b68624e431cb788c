namespace AsyncPluginGen.Samples.FakeServices.Notebooks;

/// <summary>The body of <c>POST /api/2.1/jobs/runs/submit</c>, as the service reads it (every field optional, as on the wire).</summary>
/// <param name="RunName">The run's name; Databricks calls an unnamed run <c>Untitled</c>.</param>
/// <param name="IdempotencyToken">At most 64 characters; a second submit with the same token returns the first run.</param>
/// <param name="Tasks">The run's tasks; this fake runs notebook tasks only.</param>
public sealed record RunsSubmitBody(string? RunName, string? IdempotencyToken, IReadOnlyList<SubmitTaskBody>? Tasks)
{
    /// <summary>The longest idempotency token Databricks accepts.</summary>
    public const int MaxIdempotencyTokenLength = 64;

    /// <summary>What Databricks would reject in this body, as its <c>INVALID_PARAMETER_VALUE</c> message.</summary>
    /// <returns>The problem, or null when the body is valid.</returns>
    public string? FindProblem()
    {
        if (IdempotencyToken is { Length: > MaxIdempotencyTokenLength })
        {
            return $"idempotency_token must be at most {MaxIdempotencyTokenLength} characters, but has {IdempotencyToken.Length}.";
        }

        if (Tasks is not { Count: > 0 })
        {
            return "A one-time run needs at least one task in 'tasks'.";
        }

        foreach (var task in Tasks)
        {
            if (task.FindProblem() is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}

/// <summary>One task of a one-time run.</summary>
/// <param name="TaskKey">The task's name within the run.</param>
/// <param name="NotebookTask">The notebook to run.</param>
/// <param name="ExistingClusterId">The all-purpose cluster to run on.</param>
/// <param name="NewCluster">The job cluster to start for the run.</param>
public sealed record SubmitTaskBody(string? TaskKey, NotebookTaskBody? NotebookTask, string? ExistingClusterId, NewClusterBody? NewCluster)
{
    internal string? FindProblem()
    {
        if (string.IsNullOrEmpty(TaskKey))
        {
            return "Every task needs a task_key.";
        }

        if (NotebookTask is null)
        {
            return $"Task '{TaskKey}' has no notebook_task; this service runs notebook tasks only.";
        }

        if (NotebookTask.NotebookPath is not { Length: > 0 } path || !path.StartsWith('/'))
        {
            return $"Task '{TaskKey}': notebook_task.notebook_path must be an absolute workspace path, not '{NotebookTask.NotebookPath}'.";
        }

        return (ExistingClusterId is null, NewCluster is null) switch
        {
            (true, true) => $"Task '{TaskKey}' needs one of existing_cluster_id and new_cluster.",
            (false, false) => $"Task '{TaskKey}' may name only one of existing_cluster_id and new_cluster.",
            _ => null,
        };
    }
}

/// <summary>The notebook a task runs.</summary>
/// <param name="NotebookPath">Its absolute workspace path.</param>
/// <param name="BaseParameters">Its widget values.</param>
public sealed record NotebookTaskBody(string? NotebookPath, IReadOnlyDictionary<string, string>? BaseParameters);

/// <summary>The job cluster a task starts (only what the fake echoes back).</summary>
/// <param name="SparkVersion">The Databricks runtime.</param>
/// <param name="NodeTypeId">The VM type.</param>
/// <param name="NumWorkers">The number of workers.</param>
public sealed record NewClusterBody(string? SparkVersion, string? NodeTypeId, int NumWorkers);
