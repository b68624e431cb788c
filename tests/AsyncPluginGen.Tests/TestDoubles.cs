using System.Diagnostics.CodeAnalysis;

namespace AsyncPluginGen.Tests;

/// <summary>ResourceMeta of the handwritten test plugins.</summary>
internal sealed record JobMeta(string JobId);

/// <summary>Resource of the handwritten test plugins.</summary>
internal sealed record JobResource(string State, string? ErrorMessage = null);

/// <summary>A dependency resolved from the container by a plugin factory.</summary>
internal sealed class JobService
{
    public string Endpoint { get; init; } = "https://jobs.example.test";
}

/// <summary>
/// A handwritten async plugin in the shape the generator emits: it implements only the typed members and gets the
/// object-typed <see cref="IAsyncPlugin"/> members from the interface. Records every typed call.
/// </summary>
internal sealed class RecordingPlugin : IAsyncPlugin<JobMeta, JobResource>
{
    public const string Id = "RecordingPlugin";
    public const string TaskType = "recording_task";

    public static PluginDescriptor CreateDescriptor(string id = Id, string taskType = TaskType) => new(
        id,
        [taskType],
        1,
        PluginKind.Async,
        typeof(RecordingPlugin),
        typeof(JobMeta),
        typeof(JobResource),
        new PluginConfig(),
        _ => new RecordingPlugin());

    public RecordingPlugin(PluginDescriptor? descriptor = null)
    {
        Descriptor = descriptor ?? CreateDescriptor();
    }

    public PluginDescriptor Descriptor { get; }

    /// <summary>When set, Create returns this resource with the meta.</summary>
    public JobResource? ResourceOnCreate { get; set; }

    public List<string> Calls { get; } = [];

    public TaskContext? LastTask { get; private set; }

    public CancellationToken LastToken { get; private set; }

    public GetContext<JobMeta>? LastGet { get; private set; }

    public DeleteContext<JobMeta>? LastDelete { get; private set; }

    public StatusContext<JobMeta, JobResource>? LastStatus { get; private set; }

    public PluginConfig GetConfig() => Descriptor.Config;

    public ResourceRequirements GetResourceRequirements(TaskContext task) =>
        new("warehouse", new ResourceConstraintsSpec(10, 5));

    public ValueTask<Created<JobMeta, JobResource>> CreateAsync(TaskContext task, CancellationToken cancellationToken)
    {
        Calls.Add(nameof(CreateAsync));
        LastTask = task;
        LastToken = cancellationToken;
        var meta = new JobMeta("job-" + task.UniqueName);
        return ValueTask.FromResult(ResourceOnCreate is { } resource ? Created.With(meta, resource) : meta);
    }

    public ValueTask<JobResource> GetAsync(GetContext<JobMeta> context, CancellationToken cancellationToken)
    {
        Calls.Add(nameof(GetAsync));
        LastGet = context;
        LastToken = cancellationToken;
        return ValueTask.FromResult(new JobResource("RUNNING:" + context.ResourceMeta.JobId));
    }

    public ValueTask DeleteAsync(DeleteContext<JobMeta> context, CancellationToken cancellationToken)
    {
        Calls.Add(nameof(DeleteAsync));
        LastDelete = context;
        LastToken = cancellationToken;
        return ValueTask.CompletedTask;
    }

    public PhaseInfo Status(in StatusContext<JobMeta, JobResource> context)
    {
        Calls.Add(nameof(Status));
        LastStatus = context;
        return context.Resource.State switch
        {
            "DONE" => PhaseInfo.Success(),
            "FAILED" => PhaseInfo.Failure("JobFailed", context.Resource.ErrorMessage),
            _ => PhaseInfo.Running(context.Resource.State),
        };
    }
}

/// <summary>A plugin whose factory needs a dependency from the container.</summary>
internal sealed class DependentPlugin(JobService service, PluginDescriptor descriptor) : ISyncPlugin
{
    public JobService Service { get; } = service;

    public PluginDescriptor Descriptor { get; } = descriptor;

    public PluginConfig GetConfig() => Descriptor.Config;

    public ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PhaseInfo.Success(Service.Endpoint));
}

/// <summary>Another plugin class, used to give two registries different plugins.</summary>
internal sealed class OtherPlugin(PluginDescriptor descriptor) : ISyncPlugin
{
    public PluginDescriptor Descriptor { get; } = descriptor;

    public PluginConfig GetConfig() => Descriptor.Config;

    public ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PhaseInfo.Success());
}

/// <summary>A handwritten <see cref="IPluginRegistry"/> over a fixed list of descriptors.</summary>
internal class TestRegistry(string assemblyName, params PluginDescriptor[] descriptors) : IPluginRegistry
{
    public string AssemblyName { get; } = assemblyName;

    public IReadOnlyList<PluginDescriptor> Descriptors { get; } = descriptors;

    public bool TryGetDescriptor(string taskType, [NotNullWhen(true)] out PluginDescriptor? descriptor)
    {
        descriptor = Descriptors.FirstOrDefault(d => d.TaskTypes.Contains(taskType, StringComparer.Ordinal));
        return descriptor is not null;
    }
}

/// <summary>The registry of a first plugin assembly (generated registries are one class per assembly).</summary>
internal sealed class AlphaRegistry(params PluginDescriptor[] descriptors) : TestRegistry("Alpha.Plugins", descriptors);

/// <summary>The registry of a second plugin assembly.</summary>
internal sealed class BetaRegistry(params PluginDescriptor[] descriptors) : TestRegistry("Beta.Plugins", descriptors);

internal static class Descriptors
{
    public static PluginDescriptor Sync<TPlugin>(string id, params string[] taskTypes)
        where TPlugin : IPlugin =>
        new(id, taskTypes, 0, PluginKind.Sync, typeof(TPlugin), null, null, new PluginConfig(), _ => throw new InvalidOperationException("not created in this test"));
}
