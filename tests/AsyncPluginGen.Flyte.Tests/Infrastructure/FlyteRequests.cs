using Flyteidl.Admin;
using Flyteidl.Core;
using Google.Protobuf.WellKnownTypes;

namespace AsyncPluginGen.Flyte.Tests.Infrastructure;

/// <summary>Requests shaped as propeller sends them.</summary>
public static class FlyteRequests
{
    public static TaskExecutionMetadata Metadata(string execution = "exec-1", string node = "n0", uint retry = 0) => new()
    {
        TaskExecutionId = new TaskExecutionIdentifier
        {
            TaskId = new Identifier { ResourceType = ResourceType.Task, Project = "flytesnacks", Domain = "development", Name = "wf.task", Version = "v1" },
            NodeExecutionId = new NodeExecutionIdentifier
            {
                NodeId = node,
                ExecutionId = new WorkflowExecutionIdentifier { Project = "flytesnacks", Domain = "development", Name = execution },
            },
            RetryAttempt = retry,
        },
        Namespace = "flytesnacks-development",
        K8SServiceAccount = "default",
        Labels = { ["team"] = "data" },
    };

    public static TaskTemplate Template(string type, int version) => new()
    {
        Type = type,
        TaskTypeVersion = version,
        Custom = new Struct { Fields = { ["region"] = Value.ForString("eu") } },
    };

    public static LiteralMap Inputs(params (string Name, Literal Value)[] inputs)
    {
        var map = new LiteralMap();
        foreach (var (name, value) in inputs)
        {
            map.Literals[name] = value;
        }

        return map;
    }

    public static Literal String(string value) => new() { Scalar = new Scalar { Primitive = new Primitive { StringValue = value } } };

    public static CreateTaskRequest Create(string query = "SELECT 1", string execution = "exec-1", uint retry = 0) => new()
    {
        Template = Template("echo_job", 1),
        Inputs = Inputs(("query", String(query))),
        OutputPrefix = "s3://bucket/outputs/exec-1/n0/0",
        TaskExecutionMetadata = Metadata(execution, retry: retry),
    };

    public static TaskCategory EchoCategory => new() { Name = "echo_job", Version = 1 };
}
