using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Admin;
using Flyteidl.Core;

namespace AsyncPluginGen.Flyte.Client;

/// <summary>Builds the requests propeller sends, from the host's <see cref="TaskContext"/>.</summary>
internal static class RemoteAgentRequests
{
    /// <summary>The rendered template: type, version and custom data, as propeller sends it.</summary>
    public static TaskTemplate Template(TaskContext task, int version) => new()
    {
        Id = new Identifier { ResourceType = ResourceType.Task, Project = task.ExecutionId.Project, Domain = task.ExecutionId.Domain, Name = task.TaskType, Version = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Type = task.TaskType,
        TaskTypeVersion = version,
        Custom = LiteralJson.ToStruct(task.Custom),
    };

    /// <summary>Propeller's metadata fields 1-6: identity, namespace, labels, annotations, service account, environment.</summary>
    public static TaskExecutionMetadata Metadata(TaskContext task)
    {
        var id = task.ExecutionId;
        var metadata = new TaskExecutionMetadata
        {
            TaskExecutionId = new TaskExecutionIdentifier
            {
                TaskId = new Identifier { ResourceType = ResourceType.Task, Project = id.Project, Domain = id.Domain, Name = task.TaskType },
                NodeExecutionId = new NodeExecutionIdentifier
                {
                    NodeId = id.NodeId,
                    ExecutionId = new WorkflowExecutionIdentifier { Project = id.Project, Domain = id.Domain, Name = id.ExecutionName },
                },
                RetryAttempt = checked((uint)id.RetryAttempt),
            },
            Namespace = task.Namespace,
            K8SServiceAccount = task.ServiceAccount ?? "",
        };
        Copy(task.Labels, metadata.Labels);
        Copy(task.Annotations, metadata.Annotations);
        Copy(task.EnvironmentVariables, metadata.EnvironmentVariables);
        return metadata;
    }

    private static void Copy(IReadOnlyDictionary<string, string> from, Google.Protobuf.Collections.MapField<string, string> to)
    {
        foreach (var (key, value) in from)
        {
            to[key] = value;
        }
    }

    public static CreateTaskRequest Create(TaskContext task, int version) => new()
    {
        Template = Template(task, version),
        Inputs = LiteralJson.ToLiteralMap(task.Inputs),
        OutputPrefix = task.Outputs.OutputPrefix,
        TaskExecutionMetadata = Metadata(task),
    };

    public static CreateRequestHeader SyncHeader(TaskContext task, int version) => new()
    {
        Template = Template(task, version),
        OutputPrefix = task.Outputs.OutputPrefix,
        TaskExecutionMetadata = Metadata(task),
    };
}
