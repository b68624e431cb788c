using System.Globalization;
using System.Text.Json;
using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Admin;
using Flyteidl.Core;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// Builds the <see cref="TaskContext"/> a plugin sees from what propeller sends: identity and idempotency key from
/// <c>task_execution_id</c>, inputs through the literal mapping, <c>template.custom</c>, and the execution metadata.
/// </summary>
internal static class AgentTaskContexts
{
    public static TaskContext FromCreate(TaskTemplate template, LiteralMap? inputs, string outputPrefix, TaskExecutionMetadata? metadata) =>
        Build(template, inputs, outputPrefix, metadata);

    public static TaskContext FromSyncHeader(CreateRequestHeader header, LiteralMap? inputs) =>
        Build(header.Template, inputs, header.OutputPrefix, header.TaskExecutionMetadata);

    /// <summary>
    /// The attempt's identity: propeller's task execution id (project, domain, execution, node, retry attempt), so a
    /// retried CreateTask for the same attempt carries the same unique name and the plugin's Create is idempotent.
    /// </summary>
    public static TaskExecutionId ExecutionIdOf(TaskExecutionMetadata? metadata)
    {
        var id = metadata?.TaskExecutionId;
        var execution = id?.NodeExecutionId?.ExecutionId;
        if (id is null || execution is null || string.IsNullOrEmpty(execution.Name) || string.IsNullOrEmpty(id.NodeExecutionId.NodeId))
        {
            throw new AgentRequestException(
                "task_execution_metadata.task_execution_id is missing or incomplete (it needs node_execution_id.execution_id.name and node_execution_id.node_id): "
                + "the agent derives the task's idempotency key from it.");
        }

        if (id.RetryAttempt > int.MaxValue)
        {
            throw new AgentRequestException($"task_execution_metadata.task_execution_id.retry_attempt {id.RetryAttempt} is larger than {int.MaxValue}.");
        }

        try
        {
            return new TaskExecutionId(execution.Project, execution.Domain, execution.Name, id.NodeExecutionId.NodeId, (int)id.RetryAttempt);
        }
        catch (ArgumentException exception)
        {
            throw new AgentRequestException(
                $"task_execution_metadata.task_execution_id cannot name the task: {exception.Message}", exception);
        }
    }

    private static TaskContext Build(TaskTemplate? template, LiteralMap? inputs, string outputPrefix, TaskExecutionMetadata? metadata)
    {
        if (template is null || string.IsNullOrEmpty(template.Type))
        {
            throw new AgentRequestException("template.type is missing: the agent routes CreateTask by template.type and template.task_type_version.");
        }

        JsonElement inputJson;
        try
        {
            inputJson = LiteralJson.ToJson(inputs);
        }
        catch (LiteralMappingException exception)
        {
            throw new AgentRequestException($"Input '{exception.Path}' cannot be given to the plugin: {exception.Message}", exception);
        }

        return new TaskContext(template.Type, ExecutionIdOf(metadata))
        {
            Namespace = string.IsNullOrEmpty(metadata?.Namespace) ? "default" : metadata.Namespace,
            Labels = Copy(metadata?.Labels),
            Annotations = Copy(metadata?.Annotations),
            Inputs = inputJson,
            Custom = template.Custom is null ? LiteralJson.FromStruct(null) : LiteralJson.FromStruct(template.Custom),
            Outputs = new InMemoryTaskOutputWriter(string.IsNullOrEmpty(outputPrefix) ? "memory://outputs" : outputPrefix),
            ServiceAccount = string.IsNullOrEmpty(metadata?.K8SServiceAccount) ? null : metadata.K8SServiceAccount,
            EnvironmentVariables = Copy(metadata?.EnvironmentVariables),
        };
    }

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>(StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, string> Copy(Google.Protobuf.Collections.MapField<string, string>? map) =>
        map is null || map.Count == 0 ? None : new Dictionary<string, string>(map, StringComparer.Ordinal);

    internal static string Describe(TaskExecutionId id) => string.Create(CultureInfo.InvariantCulture, $"{id.Project}/{id.Domain}/{id.ExecutionName}/{id.NodeId}#{id.RetryAttempt}");
}
