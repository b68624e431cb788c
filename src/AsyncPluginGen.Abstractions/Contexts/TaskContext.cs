using System.Text.Json;

namespace AsyncPluginGen;

/// <summary>
/// Everything a handler knows about the task it serves: its identity and idempotency key, the Kubernetes-style
/// namespace, labels and annotations, the inputs, the task template's custom data, where to write outputs,
/// and its secrets (Flyte's <c>TaskExecutionContextReader</c>).
/// </summary>
public sealed class TaskContext
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;
    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();

    /// <summary>Creates a context.</summary>
    /// <param name="taskType">The task type, which selects the plugin.</param>
    /// <param name="executionId">The attempt's identity.</param>
    /// <exception cref="ArgumentException"><paramref name="taskType"/> is empty.</exception>
    public TaskContext(string taskType, TaskExecutionId executionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskType);
        ArgumentNullException.ThrowIfNull(executionId);
        TaskType = taskType;
        ExecutionId = executionId;
        UniqueName = executionId.GeneratedName;
    }

    /// <summary>The task type, which selects the plugin.</summary>
    public string TaskType { get; }

    /// <summary>The attempt's identity.</summary>
    public TaskExecutionId ExecutionId { get; }

    /// <summary>
    /// A name unique to this attempt and stable across restarts: pass it to the remote service as the
    /// idempotency key of Create, so a retried Create does not start a second job.
    /// </summary>
    public string UniqueName { get; }

    /// <summary>The namespace the task runs in (Flyte's Kubernetes namespace, e.g. <c>project-domain</c>).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The task's labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap;

    /// <summary>The task's annotations.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyMap;

    /// <summary>The Kubernetes service account the task runs as, when its platform names one (Flyte's <c>k8s_service_account</c>).</summary>
    public string? ServiceAccount { get; init; }

    /// <summary>Environment variables set for the task by its platform (Flyte's <c>environment_variables</c>).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = EmptyMap;

    /// <summary>The task's inputs, a JSON object of input name to value (an empty object when none).</summary>
    public JsonElement Inputs { get; init; } = EmptyObject;

    /// <summary>The task template's custom data, a JSON object (an empty object when none).</summary>
    public JsonElement Custom { get; init; } = EmptyObject;

    /// <summary>Where the task writes its outputs. Defaults to an in-memory writer.</summary>
    public ITaskOutputWriter Outputs { get; init; } = new InMemoryTaskOutputWriter();

    /// <summary>The task's secrets. Defaults to none.</summary>
    public ISecretProvider Secrets { get; init; } = DictionarySecretProvider.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{TaskType} {UniqueName}";
}
