namespace AsyncPluginGen.Hosting;

/// <summary>
/// Drives the tasks of one plugin: <see cref="AsyncPluginRunner{TMeta, TResource}"/> or <see cref="SyncPluginRunner"/>.
/// The host owns task identity (the <see cref="TaskTable"/>); a runner creates a task's record, and starts it once the
/// table has accepted it.
/// </summary>
internal abstract class PluginRunner : IAsyncDisposable
{
    public abstract PluginDescriptor Descriptor { get; }

    public abstract PluginConfig Config { get; }

    /// <summary>Tasks created remotely and being polled.</summary>
    public abstract int PollingCount { get; }

    /// <summary>Timer entries (deadlines, retries) that still hold a task; an ended task holds none.</summary>
    public abstract int HeldTimers { get; }

    /// <summary>The record of a newly submitted task; nothing runs until <see cref="Start"/>.</summary>
    public abstract TaskRecord CreateRecord(TaskContext task, DateTimeOffset? deadline);

    /// <summary>Starts driving a record the task table accepted.</summary>
    public abstract void Start(TaskRecord record);

    /// <summary>The row the journal saves for <paramref name="record"/>, as it is now.</summary>
    public abstract StoredTask Capture(TaskRecord record, System.Buffers.ArrayBufferWriter<byte> buffer, DateTimeOffset now);

    /// <summary>A record for a task recovered from the store, in the state the store knew, not yet started.</summary>
    /// <exception cref="Exception">The stored meta cannot be read (the exception says why).</exception>
    public abstract TaskRecord Restore(TaskContext task, in TaskProgress progress, byte[]? meta);

    /// <summary>Starts a recovered task where it stopped: polling, Create with its original key, or Delete.</summary>
    public abstract ValueTask ResumeAsync(TaskRecord record);

    /// <summary>Something happened to the task (abort requested): process it again.</summary>
    public abstract void Signal(TaskRecord record);

    /// <summary>The host's clock ticked: refill rate limiters, run due retries and deadlines, resync polls.</summary>
    public abstract void Tick(DateTimeOffset now);

    /// <summary>Accepts no more work; completes when the workers and any background work have returned.</summary>
    public abstract Task StopAsync();

    public abstract ValueTask DisposeAsync();
}
