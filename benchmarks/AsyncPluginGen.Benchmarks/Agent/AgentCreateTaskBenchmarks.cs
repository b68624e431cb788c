using AsyncPluginGen.Benchmarks.FlyteAgent;
using AsyncPluginGen.Flyte.Agent;
using AsyncPluginGen.Flyte.Meta;
using BenchmarkDotNet.Attributes;
using Flyteidl.Admin;
using Flyteidl.Service;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Benchmarks.Agent;

/// <summary>
/// The agent's CreateTask handler in-process, as <see cref="AgentGetTaskBenchmarks"/> does GetTask: parsed requests in,
/// unserialized responses out. The requests are propeller-shaped, one per task (4,096 distinct task execution ids,
/// cycled; the agent keeps no state, so a repeat is the same work). <c>BareCreateTask</c> (baseline) answers a constant;
/// <c>EnvelopeSeal</c> is signing a payload the size the agent seals; <c>AgentCreateTask</c> is the whole handler
/// (routing, input-size metric, TaskContext with the inputs mapped to JSON, permit, Create, payload, seal, metrics).
/// Rotates over several agents for the same reason as the GetTask class.
/// </summary>
[MemoryDiagnoser]
public class AgentCreateTaskBenchmarks
{
    private const int Agents = 16;
    private const int Requests = 4096;

    private readonly List<ServiceProvider> _providers = [];
    private readonly BareAgentService _bare = new();
    private readonly BenchServerCallContext _context = new("/flyteidl.service.AsyncAgentService/CreateTask");
    private AsyncAgentService.AsyncAgentServiceBase[] _agents = [];
    private CreateTaskRequest[] _requests = [];
    private ResourceMetaEnvelope _envelope = null!;
    private byte[] _payload = [];
    private int _next;
    private long _waited;

    [GlobalSetup]
    public void Setup()
    {
        _agents = AgentInstances.Create(Agents, _providers);

        _requests = Enumerable.Range(0, Requests).Select(i => AgentRequests.Create(i)).ToArray();
        _envelope = _providers[0].GetRequiredService<ResourceMetaEnvelope>();

        // A payload of the size the agent seals for this plugin: the sealed meta less the envelope's own bytes.
        var sealedMeta = AgentCreateTask().ResourceMeta;
        _payload = _envelope.Open(sealedMeta.Span).Payload.ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        if (_waited > 0)
        {
            throw new InvalidOperationException($"{_waited} CreateTask calls did not complete synchronously (a rate-limit wait): the figures are not of the fast path.");
        }
    }

    [Benchmark(Baseline = true)]
    public CreateTaskResponse BareCreateTask() => _bare.CreateTask(_requests[_next++ & (Requests - 1)], _context).GetAwaiter().GetResult();

    [Benchmark]
    public byte[] EnvelopeSeal() => _envelope.Seal(BenchJobPlugin.TaskType, 1, _payload);

    [Benchmark]
    public CreateTaskResponse AgentCreateTask()
    {
        var i = _next++;
        var pending = _agents[i & (Agents - 1)].CreateTask(_requests[i & (Requests - 1)], _context);
        if (!pending.IsCompletedSuccessfully)
        {
            _waited++;
        }

        return pending.GetAwaiter().GetResult();
    }
}
