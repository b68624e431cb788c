namespace AsyncPluginGen.Hosting;

/// <summary>
/// One task as a <see cref="ITaskStore"/> keeps it: a row keyed by <see cref="UniqueName"/>. The byte payloads are written
/// and read by the host only (UTF-8 JSON; the meta in the plugin's own ResourceMeta codec, the same bytes the Flyte agent
/// puts in <c>resource_meta</c>); a store keeps them as they are.
/// </summary>
public sealed class StoredTask
{
    /// <summary>The task's unique name: the row's key, and the remote Create's idempotency key.</summary>
    public required string UniqueName { get; init; }

    /// <summary>The id of the plugin that drives the task.</summary>
    public required string PluginId { get; init; }

    /// <summary>The task type.</summary>
    public required string TaskType { get; init; }

    /// <summary>
    /// What Create needs to be repeated (identity, namespace, labels, annotations, inputs, custom data), written once when
    /// the task is first stored. Null in a later write: the store keeps the context it has.
    /// </summary>
    public byte[]? Context { get; init; }

    /// <summary>
    /// The task's ResourceMeta, in the write after Create returned it. Null before, and in later writes: the store keeps
    /// the meta it has. (A plugin without a meta serializer never stores one: its recovered tasks learn it again from
    /// their idempotent Create.)
    /// </summary>
    public byte[]? Meta { get; init; }

    /// <summary>Everything else the host needs to resume the task: state, phase, interrupts, pending Delete, counters, deadline, quota namespace.</summary>
    public required byte[] Progress { get; init; }

    /// <summary>How many times the host wrote this task; each write has a higher number.</summary>
    public long Version { get; init; }

    /// <summary>When the host last changed the task.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the task ended; null while it runs.</summary>
    public DateTimeOffset? EndedAt { get; init; }
}
