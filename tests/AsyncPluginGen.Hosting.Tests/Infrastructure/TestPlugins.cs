using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace AsyncPluginGen.Hosting.Tests.Infrastructure;

// One file on purpose: the scripted plugins the host tests drive and their meta, resource and script types, which only make sense together.

/// <summary>ResourceMeta of <see cref="ScriptedPlugin"/>: the task it belongs to and a serial number unique per Create.</summary>
/// <param name="Task">The task's key (its node id).</param>
/// <param name="Serial">Counts Create calls of the plugin, so two remote jobs of one task are told apart.</param>
internal sealed record JobMeta(string Task, int Serial);

/// <summary>Resource of <see cref="ScriptedPlugin"/>; <see cref="ScriptedPlugin.Status"/> maps <see cref="State"/> to a phase.</summary>
/// <param name="State">QUEUED, INIT, WAITING, RUNNING, NOTREADY, UNDEFINED, DONE, FAILED, RETRYABLE, SYSFAIL, CLEANUP, ABORTED or THROW.</param>
/// <param name="Version">The phase version Status reports.</param>
internal sealed record JobResource(string State, uint Version = 0);

/// <summary>A plugin operation, as recorded by the test plugins.</summary>
internal enum Op
{
    Requirements,
    Create,
    Get,
    Delete,
    Status,
    Do,
}

/// <summary>One recorded plugin call.</summary>
/// <param name="Op">The operation.</param>
/// <param name="Task">The task's key (node id).</param>
/// <param name="At">The fake clock when the call started.</param>
/// <param name="Meta">The ResourceMeta passed in (Get, Delete, Status).</param>
/// <param name="Reason">The Delete reason.</param>
/// <param name="Resource">The resource passed to Status.</param>
/// <param name="UniqueName">The task's unique name (Create, Requirements, Do).</param>
/// <param name="Token">The cancellation token the host passed.</param>
internal sealed record PluginCall(
    Op Op,
    string Task,
    DateTimeOffset At,
    JobMeta? Meta = null,
    DeleteReason? Reason = null,
    JobResource? Resource = null,
    string? UniqueName = null,
    CancellationToken Token = default);

/// <summary>One scripted behaviour of a plugin call.</summary>
/// <typeparam name="T">What the call returns.</typeparam>
/// <param name="cancellationToken">The token the host passed.</param>
/// <returns>The call's result.</returns>
internal delegate ValueTask<T> Step<T>(CancellationToken cancellationToken);

/// <summary>Builds <see cref="Step{T}"/>s.</summary>
internal static class Steps
{
    public static Step<T> Return<T>(T value) => _ => ValueTask.FromResult(value);

    public static Step<T> Throw<T>(Exception exception) => _ => ValueTask.FromException<T>(exception);

    /// <summary>Waits for <paramref name="gate"/> (or the host's cancellation), then runs <paramref name="then"/>.</summary>
    public static Step<T> After<T>(TaskCompletionSource gate, Step<T> then) => async cancellationToken =>
    {
        await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await then(cancellationToken).ConfigureAwait(false);
    };

    public static HttpRequestException Http(System.Net.HttpStatusCode status) =>
        new($"The service answered {(int)status} {status}.", null, status);
}

/// <summary>Every call the test plugins received, with a signal per call.</summary>
internal sealed class CallLog
{
    private readonly List<PluginCall> _calls = [];
    private readonly Pulse _pulse = new();

    /// <summary>Raised after every recorded call.</summary>
    public event Action? Recorded;

    public void Record(PluginCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }

        _pulse.Fire();
        Recorded?.Invoke();
    }

    public IReadOnlyList<PluginCall> All()
    {
        lock (_calls)
        {
            return [.. _calls];
        }
    }

    public IReadOnlyList<PluginCall> Of(string task, Op op) => All().Where(c => c.Task == task && c.Op == op).ToList();

    public IReadOnlyList<PluginCall> Of(Op op) => All().Where(c => c.Op == op).ToList();

    public int Count(string task, Op op) => Of(task, op).Count;

    /// <summary>Waits until task <paramref name="task"/> has received at least <paramref name="count"/> calls of <paramref name="op"/>.</summary>
    /// <returns>The calls.</returns>
    public async Task<IReadOnlyList<PluginCall>> WaitAsync(string task, Op op, int count)
    {
        await _pulse.WaitUntilAsync(() => Count(task, op) >= count, () => $"{count} {op} call(s) of task '{task}'. {Describe()}").ConfigureAwait(false);
        return Of(task, op);
    }

    /// <summary>Waits until the plugin has received at least <paramref name="count"/> calls of <paramref name="op"/> over all tasks.</summary>
    /// <returns>The calls.</returns>
    public async Task<IReadOnlyList<PluginCall>> WaitAsync(Op op, int count)
    {
        await _pulse.WaitUntilAsync(() => Of(op).Count >= count, () => $"{count} {op} call(s). {Describe()}").ConfigureAwait(false);
        return Of(op);
    }

    public string Describe() =>
        "Calls: " + string.Join("; ", All().Select(c => $"{c.Op}({c.Task}) at {c.At:HH:mm:ss.fff}{(c.Reason is { } r ? " reason " + r : "")}"));
}

/// <summary>What one task's remote calls do. Queued steps run first, in order; the defaults after them.</summary>
internal sealed class TaskScript
{
    public ConcurrentQueue<Step<JobResource?>> Creates { get; } = new();

    public ConcurrentQueue<Step<JobResource>> Gets { get; } = new();

    public ConcurrentQueue<Step<bool>> Deletes { get; } = new();

    /// <summary>What Get returns once <see cref="Gets"/> is empty.</summary>
    public string DefaultGetState { get; set; } = "RUNNING";

    /// <summary>When set, Create returns a null ResourceMeta (an author's bug the host must catch).</summary>
    public bool CreateReturnsNullMeta { get; set; }

    /// <summary>When set, every Create without a queued step throws this.</summary>
    public Func<Exception>? CreateAlwaysThrows { get; set; }

    /// <summary>When set, every Get without a queued step throws this.</summary>
    public Func<Exception>? GetAlwaysThrows { get; set; }

    /// <summary>When set, every Delete without a queued step throws this.</summary>
    public Func<Exception>? DeleteAlwaysThrows { get; set; }

    /// <summary>What the plugin's outputs are once the task succeeds: none when null; may throw.</summary>
    public Func<System.Text.Json.JsonElement?>? Outputs { get; set; }

    /// <summary>When set, ResourceRequirements throws this.</summary>
    public Func<Exception>? RequirementsThrows { get; set; }

    /// <summary>The task's quota requirements; the plugin's default namespace, uncapped, when null.</summary>
    public ResourceRequirements? Requirements { get; set; }

    public TaskScript OnCreate(params Step<JobResource?>[] steps)
    {
        foreach (var step in steps)
        {
            Creates.Enqueue(step);
        }

        return this;
    }

    public TaskScript OnGet(params Step<JobResource>[] steps)
    {
        foreach (var step in steps)
        {
            Gets.Enqueue(step);
        }

        return this;
    }

    public TaskScript OnDelete(params Step<bool>[] steps)
    {
        foreach (var step in steps)
        {
            Deletes.Enqueue(step);
        }

        return this;
    }

    /// <summary>Queues Gets returning resources in these states (version 0).</summary>
    public TaskScript GetStates(params string[] states) => OnGet(states.Select(s => Steps.Return(new JobResource(s))).ToArray());

    /// <summary>Create returns the meta and this resource.</summary>
    public TaskScript CreateReturnsResource(string state) => OnCreate(Steps.Return<JobResource?>(new JobResource(state)));
}

/// <summary>
/// A handwritten async plugin whose every call the test scripts per task (<see cref="Script"/>) and which records
/// every call with the fake clock's time.
/// </summary>
internal sealed class ScriptedPlugin : IAsyncPlugin<JobMeta, JobResource>, ITaskOutputsPlugin<JobMeta, JobResource>, IResourceMetaSerializerProvider<JobMeta>
{
    public const string Id = "Scripted";
    public const string TaskType = "scripted";
    public const string QuotaNamespace = "quota";

    private readonly ConcurrentDictionary<string, TaskScript> _scripts = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _serial;

    public ScriptedPlugin(TimeProvider time, PluginConfig config, CallLog calls)
    {
        _time = time;
        Calls = calls;
        Descriptor = new PluginDescriptor(Id, [TaskType], 1, PluginKind.Async, typeof(ScriptedPlugin), typeof(JobMeta), typeof(JobResource), config, _ => this);
    }

    public PluginDescriptor Descriptor { get; }

    public CallLog Calls { get; }

    public PluginConfig GetConfig() => Descriptor.Config;

    /// <summary>How a task store keeps the meta (the same codec the Flyte agent uses).</summary>
    public IResourceMetaSerializer<JobMeta> ResourceMetaSerializer { get; } = new JobMetaSerializer();

    /// <summary>The script of task <paramref name="task"/> (its node id).</summary>
    public TaskScript Script(string task) => _scripts.GetOrAdd(task, _ => new TaskScript());

    public ResourceRequirements GetResourceRequirements(TaskContext task)
    {
        var name = task.ExecutionId.NodeId;
        Calls.Record(new PluginCall(Op.Requirements, name, _time.GetUtcNow(), UniqueName: task.UniqueName));
        var script = Script(name);
        if (script.RequirementsThrows is { } fault)
        {
            throw fault();
        }

        return script.Requirements ?? new ResourceRequirements(QuotaNamespace, ResourceConstraintsSpec.None);
    }

    public async ValueTask<Created<JobMeta, JobResource>> CreateAsync(TaskContext task, CancellationToken cancellationToken)
    {
        var name = task.ExecutionId.NodeId;
        Calls.Record(new PluginCall(Op.Create, name, _time.GetUtcNow(), UniqueName: task.UniqueName, Token: cancellationToken));
        var script = Script(name);
        JobResource? resource = null;
        if (script.Creates.TryDequeue(out var step))
        {
            resource = await step(cancellationToken).ConfigureAwait(false);
        }
        else if (script.CreateAlwaysThrows is { } fault)
        {
            throw fault();
        }

        var meta = script.CreateReturnsNullMeta ? null! : new JobMeta(name, Interlocked.Increment(ref _serial));
        return resource is null ? meta : Created.With(meta, resource);
    }

    public async ValueTask<JobResource> GetAsync(GetContext<JobMeta> context, CancellationToken cancellationToken)
    {
        var name = context.ResourceMeta.Task;
        Calls.Record(new PluginCall(Op.Get, name, _time.GetUtcNow(), Meta: context.ResourceMeta, Token: cancellationToken));
        var script = Script(name);
        if (script.Gets.TryDequeue(out var step))
        {
            return await step(cancellationToken).ConfigureAwait(false);
        }

        return script.GetAlwaysThrows is { } fault ? throw fault() : new JobResource(script.DefaultGetState);
    }

    public async ValueTask DeleteAsync(DeleteContext<JobMeta> context, CancellationToken cancellationToken)
    {
        // A missing meta is recorded as it is (null), so tests can prove Delete never receives one.
        var name = context.ResourceMeta?.Task ?? "(no meta)";
        Calls.Record(new PluginCall(Op.Delete, name, _time.GetUtcNow(), Meta: context.ResourceMeta, Reason: context.Reason, Token: cancellationToken));
        var script = Script(name);
        if (script.Deletes.TryDequeue(out var step))
        {
            await step(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (script.DeleteAlwaysThrows is { } fault)
        {
            throw fault();
        }
    }

    public ValueTask<System.Text.Json.JsonElement?> GetOutputsAsync(StatusContext<JobMeta, JobResource> context, CancellationToken cancellationToken) =>
        new(Script(context.ResourceMeta.Task).Outputs?.Invoke());

    public PhaseInfo Status(in StatusContext<JobMeta, JobResource> context)
    {
        var resource = context.Resource;
        Calls.Record(new PluginCall(Op.Status, context.ResourceMeta.Task, _time.GetUtcNow(), Meta: context.ResourceMeta, Resource: resource));
        return resource.State switch
        {
            "QUEUED" => PhaseInfo.Queued("queued remotely", resource.Version),
            "INIT" => PhaseInfo.Initializing("initializing remotely", resource.Version),
            "WAITING" => PhaseInfo.WaitingForResources("remote capacity", resource.Version),
            "RUNNING" => PhaseInfo.Running("running remotely", resource.Version),
            "NOTREADY" => PhaseInfo.NotReady("not ready remotely", resource.Version),
            "UNDEFINED" => PhaseInfo.Undefined,
            "DONE" => PhaseInfo.Success("done"),
            "FAILED" => PhaseInfo.Failure("JobFailed", "the remote job failed"),
            "RETRYABLE" => PhaseInfo.RetryableFailure("JobFlaked", "the remote job failed, retry may help"),
            "SYSFAIL" => PhaseInfo.SystemFailure("RemoteSystemError", "the remote system failed"),
            "CLEANUP" => PhaseInfo.FailureWithCleanup("JobFailed", "the remote job failed and must be cleaned up"),
            "ABORTED" => PhaseInfo.Aborted("aborted remotely"),
            "THROW" => throw new InvalidOperationException("Status exploded on purpose"),
            _ => throw new ArgumentOutOfRangeException(nameof(context), resource.State, "unknown test state"),
        };
    }
}

/// <summary>Stores <see cref="JobMeta"/> as <c>{"task":…,"serial":…}</c>.</summary>
internal sealed class JobMetaSerializer : IResourceMetaSerializer<JobMeta>
{
    public void Write(System.Text.Json.Utf8JsonWriter writer, JobMeta value)
    {
        writer.WriteStartObject();
        writer.WriteString("task", value.Task);
        writer.WriteNumber("serial", value.Serial);
        writer.WriteEndObject();
    }

    public JobMeta Read(ReadOnlySpan<byte> utf8Json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(utf8Json.ToArray());
        return new JobMeta(document.RootElement.GetProperty("task").GetString()!, document.RootElement.GetProperty("serial").GetInt32());
    }
}

/// <summary>A handwritten sync plugin: Do runs queued steps, then returns Success.</summary>
internal sealed class SyncTestPlugin : ISyncPlugin
{
    public const string Id = "SyncPlugin";
    public const string TaskType = "sync_task";

    private readonly TimeProvider _time;

    public SyncTestPlugin(TimeProvider time, CallLog calls)
    {
        _time = time;
        Calls = calls;
        Descriptor = new PluginDescriptor(Id, [TaskType], 1, PluginKind.Sync, typeof(SyncTestPlugin), null, null, new PluginConfig(), _ => this);
    }

    public PluginDescriptor Descriptor { get; }

    public CallLog Calls { get; }

    public ConcurrentQueue<Step<PhaseInfo>> Steps { get; } = new();

    public PluginConfig GetConfig() => Descriptor.Config;

    public async ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken cancellationToken)
    {
        Calls.Record(new PluginCall(Op.Do, task.ExecutionId.NodeId, _time.GetUtcNow(), UniqueName: task.UniqueName, Token: cancellationToken));
        return Steps.TryDequeue(out var step) ? await step(cancellationToken).ConfigureAwait(false) : PhaseInfo.Success("done synchronously");
    }
}

/// <summary>A handwritten <see cref="IPluginRegistry"/> over fixed descriptors, as a generated registry would be.</summary>
internal sealed class TestRegistry(params PluginDescriptor[] descriptors) : IPluginRegistry
{
    public string AssemblyName => "AsyncPluginGen.Hosting.Tests";

    public IReadOnlyList<PluginDescriptor> Descriptors { get; } = descriptors;

    public bool TryGetDescriptor(string taskType, [NotNullWhen(true)] out PluginDescriptor? descriptor)
    {
        descriptor = Descriptors.FirstOrDefault(d => d.TaskTypes.Contains(taskType, StringComparer.Ordinal));
        return descriptor is not null;
    }
}
