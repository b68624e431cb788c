using System.Text.Json;
using AsyncPluginGen.Benchmarks.FlyteAgent;
using AsyncPluginGen.Flyte.Agent;
using AsyncPluginGen.Flyte.Meta;
using BenchmarkDotNet.Attributes;
using Flyteidl.Admin;
using Flyteidl.Service;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Benchmarks.Agent;

/// <summary>
/// The agent's GetTask handler in-process, without Kestrel, HTTP/2 or protobuf: the request is already parsed and the
/// response is not serialized, so the rows are what the service's own code costs per call, time and allocation. The
/// handler is the very <c>AsyncAgentServiceImpl</c> that <c>MapFlyteAgent</c> maps (internal: found by name, created by
/// DI with the services <c>AddFlyteAgent</c> registers, and called through its public base class), with a minimal
/// <see cref="ServerCallContext"/> (no deadline, never cancelled).
/// <list type="bullet">
/// <item><c>Floor</c> (baseline): what any agent must do for this plugin: verify and open the envelope
/// (<see cref="ResourceMetaEnvelope.Open(ReadOnlySpan{byte}, string, int)"/>), read the ResourceMeta with the generated
/// serializer, the plugin's Get and Status, and the <see cref="Resource"/> and response. It reuses one
/// <see cref="TaskContext"/>, which the agent rebuilds per call from the identity in the meta.</item>
/// <item><c>EnvelopeOpen</c>: the envelope alone (HMAC-SHA256 over the meta, the opened copy).</item>
/// <item><c>AgentGetTask</c>: the handler: routing, envelope, payload and identity, rate-limit permit, Get + Status,
/// mapping, metrics, span check.</item>
/// <item><c>BareGetTask</c>: the bare service's handler (a constant response), for reference.</item>
/// </list>
/// A plugin's read limit is at most 100,000 per second (Flyte's range), slower than one core calls the handler here,
/// so the calls rotate over <see cref="Agents"/> agents that share the signing key, each with its own limiter: every
/// call still takes a permit, and none waits (<see cref="Cleanup"/> fails the run if one did).
/// </summary>
[MemoryDiagnoser]
public class AgentGetTaskBenchmarks
{
    private const int Agents = 16;


    private readonly List<ServiceProvider> _providers = [];
    private readonly BareAgentService _bare = new();
    private AsyncAgentService.AsyncAgentServiceBase[] _agents = [];
    private BenchServerCallContext _context = null!;
    private GetTaskRequest _request = null!;
    private ResourceMetaEnvelope _envelope = null!;
    private IAsyncPlugin<BenchJobMeta, BenchJob> _plugin = null!;
    private IResourceMetaSerializer<BenchJobMeta> _serializer = null!;
    private TaskContext _task = null!;
    private int _next;
    private long _waited;

    [GlobalSetup]
    public void Setup()
    {
        _agents = AgentInstances.Create(Agents, _providers);

        _context = new BenchServerCallContext("/flyteidl.service.AsyncAgentService/GetTask");
        var created = _agents[0].CreateTask(AgentRequests.Create(0), new BenchServerCallContext("/flyteidl.service.AsyncAgentService/CreateTask")).GetAwaiter().GetResult();
        _request = AgentRequests.Get(created.ResourceMeta);
        _envelope = _providers[0].GetRequiredService<ResourceMetaEnvelope>();
        var plugin = new BenchJobPlugin();
        _plugin = plugin;
        _serializer = ((IResourceMetaSerializerProvider<BenchJobMeta>)plugin).ResourceMetaSerializer;
        _task = new TaskContext(BenchJobPlugin.TaskType, new TaskExecutionId("flytesnacks", "development", "bench-0", "n0", 0));

        if (AgentGetTask().Resource.Phase != Floor().Resource.Phase)
        {
            throw new InvalidOperationException("The agent and the floor answer different phases.");
        }
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
            throw new InvalidOperationException($"{_waited} GetTask calls did not complete synchronously (a rate-limit wait): the figures are not of the fast path.");
        }
    }

    [Benchmark(Baseline = true)]
    public GetTaskResponse Floor()
    {
        var opened = _envelope.Open(_request.ResourceMeta.Span, BenchJobPlugin.TaskType, 1);
        var meta = _serializer.Read(MetaJson(opened.Payload.Span));
        var pending = _plugin.GetAsync(new GetContext<BenchJobMeta>(meta), CancellationToken.None);
        var job = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        var phase = _plugin.Status(new StatusContext<BenchJobMeta, BenchJob>(_task, meta, job));
        return new GetTaskResponse { Resource = ResourceMapper.ToResource(phase) };
    }

    [Benchmark]
    public OpenedResourceMeta EnvelopeOpen() => _envelope.Open(_request.ResourceMeta.Span, BenchJobPlugin.TaskType, 1);

    [Benchmark]
    public GetTaskResponse AgentGetTask()
    {
        var pending = _agents[_next++ & (Agents - 1)].GetTask(_request, _context);
        if (!pending.IsCompletedSuccessfully)
        {
            _waited++;
        }

        return pending.GetAwaiter().GetResult();
    }

    [Benchmark]
    public GetTaskResponse BareGetTask() => _bare.GetTask(_request, _context).GetAwaiter().GetResult();

    /// <summary>The <c>meta</c> member of the agent's payload (<c>{"v":1,"id":{..},"meta":{..}}</c>): the plugin's ResourceMeta JSON.</summary>
    private static ReadOnlySpan<byte> MetaJson(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMeta = reader.ValueTextEquals("meta"u8);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (isMeta)
            {
                return payload[start..(int)reader.BytesConsumed];
            }
        }

        throw new FormatException("The payload has no meta.");
    }
}
