namespace AsyncPluginGen.Hosting;

/// <summary>Drives the tasks of one plugin; the typed implementation is <see cref="PluginRunner{TMeta, TResource}"/>.</summary>
internal abstract class PluginRunner : IAsyncDisposable
{
    public abstract PluginDescriptor Descriptor { get; }

    public abstract PluginConfig Config { get; }

    /// <summary>Tasks created remotely and being polled.</summary>
    public abstract int PollingCount { get; }

    /// <summary>Creates the record of a newly submitted task and starts driving it.</summary>
    public abstract TaskRecord Submit(TaskContext task, DateTimeOffset now, DateTimeOffset? deadline);

    /// <summary>Something happened to the task (abort requested, deadline passed): process it again.</summary>
    public abstract void Signal(TaskRecord record);

    /// <summary>The host's clock ticked: refill rate limiters, run due retries and deadlines, resync polls.</summary>
    public abstract void Tick(DateTimeOffset now);

    public abstract ValueTask DisposeAsync();
}
