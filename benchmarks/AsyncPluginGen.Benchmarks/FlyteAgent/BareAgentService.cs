using Flyteidl.Admin;
using Flyteidl.Core;
using Flyteidl.Service;
using Google.Protobuf;
using Grpc.Core;

namespace AsyncPluginGen.Benchmarks.FlyteAgent;

/// <summary>
/// The physical limit for this protocol on this machine: the same proto service on the same Grpc.AspNetCore stack,
/// answering constants. Everything it costs is transport, HTTP/2 and protobuf.
/// </summary>
internal sealed class BareAgentService : AsyncAgentService.AsyncAgentServiceBase
{
    private static readonly CreateTaskResponse Created = new() { ResourceMeta = ByteString.CopyFromUtf8("bare-meta-0123456789abcdef0123456789abcdef") };
    private static readonly GetTaskResponse Running = new() { Resource = new Resource { Phase = TaskExecution.Types.Phase.Running } };

    public override Task<CreateTaskResponse> CreateTask(CreateTaskRequest request, ServerCallContext context) => Task.FromResult(Created);

    public override Task<GetTaskResponse> GetTask(GetTaskRequest request, ServerCallContext context) => Task.FromResult(Running);
}
