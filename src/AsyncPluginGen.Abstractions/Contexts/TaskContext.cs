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
    private readonly object _secretsGate = new();
    private ISecretProvider _secrets = DictionarySecretProvider.Empty;
    private List<string>? _secretValues;

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

    /// <summary>
    /// The task's secrets. Defaults to none. Every value read through it is marked secret for this task (see
    /// <see cref="MarkSecret"/>), so the host redacts it from logs, spans and phase messages.
    /// </summary>
    public ISecretProvider Secrets
    {
        get => _secrets;
        init => _secrets = ReferenceEquals(value, DictionarySecretProvider.Empty) ? value : new MarkingSecretProvider(value ?? throw new ArgumentNullException(nameof(value)), this);
    }

    /// <summary>The shortest value <see cref="MarkSecret"/> accepts: shorter ones would redact ordinary text too.</summary>
    public const int MinSecretLength = 4;

    /// <summary>The values marked secret for this task, in the order they were marked; empty when none.</summary>
    public IReadOnlyList<string> SecretValues
    {
        // Copy-on-write: a list once published never changes, so readers need no lock.
        get => (IReadOnlyList<string>?)Volatile.Read(ref _secretValues) ?? [];
    }

    /// <summary>Whether any value was marked secret for this task (cheap: no copy).</summary>
    public bool HasSecretValues => Volatile.Read(ref _secretValues) is not null;

    /// <summary>
    /// Marks <paramref name="value"/> as a secret of this task (an access token a plugin obtained itself, say): the host
    /// replaces it with <c>***</c> wherever it would show text of this task (logs, spans, phase messages, the result).
    /// Values read through <see cref="Secrets"/> are marked already. Values shorter than <see cref="MinSecretLength"/>
    /// are ignored, since redacting them would mangle ordinary text. Thread-safe.
    /// </summary>
    /// <param name="value">The secret value.</param>
    public void MarkSecret(string? value)
    {
        if (value is null || value.Length < MinSecretLength)
        {
            return;
        }

        lock (_secretsGate)
        {
            if (_secretValues?.Contains(value, StringComparer.Ordinal) == true)
            {
                return;
            }

            Volatile.Write(ref _secretValues, _secretValues is null ? [value] : [.. _secretValues, value]);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{TaskType} {UniqueName}";
}
