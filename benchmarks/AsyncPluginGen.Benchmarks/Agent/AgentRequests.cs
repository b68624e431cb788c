using System.Globalization;
using AsyncPluginGen.Benchmarks.FlyteAgent;
using Flyteidl.Admin;
using Flyteidl.Core;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace AsyncPluginGen.Benchmarks.Agent;

/// <summary>
/// Requests for <see cref="BenchJobPlugin"/> shaped as propeller sends them (as in the Flyte tests' FlyteRequests):
/// a template with a custom struct, one string input, an output prefix and the task execution metadata.
/// </summary>
internal static class AgentRequests
{
    public static TaskCategory Category { get; } = new() { Name = BenchJobPlugin.TaskType, Version = 1 };

    /// <summary>A CreateTask for a new task: each <paramref name="serial"/> is another workflow execution, so another unique name.</summary>
    public static CreateTaskRequest Create(long serial)
    {
        var execution = "bench-" + serial.ToString(CultureInfo.InvariantCulture);
        return new CreateTaskRequest
        {
            Template = new TaskTemplate
            {
                Type = BenchJobPlugin.TaskType,
                TaskTypeVersion = 1,
                Custom = new Struct { Fields = { ["region"] = Value.ForString("eu") } },
            },
            Inputs = new LiteralMap { Literals = { ["query"] = new Literal { Scalar = new Scalar { Primitive = new Primitive { StringValue = "SELECT 1" } } } } },
            OutputPrefix = "s3://bucket/outputs/" + execution + "/n0/0",
            TaskExecutionMetadata = new TaskExecutionMetadata
            {
                TaskExecutionId = new TaskExecutionIdentifier
                {
                    TaskId = new Identifier { ResourceType = ResourceType.Task, Project = "flytesnacks", Domain = "development", Name = "wf.task", Version = "v1" },
                    NodeExecutionId = new NodeExecutionIdentifier
                    {
                        NodeId = "n0",
                        ExecutionId = new WorkflowExecutionIdentifier { Project = "flytesnacks", Domain = "development", Name = execution },
                    },
                },
                Namespace = "flytesnacks-development",
                K8SServiceAccount = "default",
                Labels = { ["team"] = "data" },
            },
        };
    }

    /// <summary>A GetTask as propeller polls: the category, the meta the agent issued, and the output prefix.</summary>
    public static GetTaskRequest Get(ByteString resourceMeta) => new()
    {
        TaskCategory = Category,
        ResourceMeta = resourceMeta,
        OutputPrefix = "s3://bucket/outputs/bench-0/n0/0",
    };
}
