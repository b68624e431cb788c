namespace AsyncPluginGen.Flyte.Meta;

/// <summary>
/// A <c>resource_meta</c> whose envelope was verified: its signature matched a configured key, so every field here was
/// written by an agent holding that key. Only <see cref="ResourceMetaEnvelope"/> creates these.
/// </summary>
public sealed class OpenedResourceMeta
{
    internal OpenedResourceMeta(string taskType, int taskTypeVersion, string keyId, DateTimeOffset issuedAt, ReadOnlyMemory<byte> payload)
    {
        TaskType = taskType;
        TaskTypeVersion = taskTypeVersion;
        KeyId = keyId;
        IssuedAt = issuedAt;
        Payload = payload;
    }

    /// <summary>The task type (task category name) the meta was issued for.</summary>
    public string TaskType { get; }

    /// <summary>The task type version (task category version) the meta was issued for.</summary>
    public int TaskTypeVersion { get; }

    /// <summary>The id of the key that signed the meta.</summary>
    public string KeyId { get; }

    /// <summary>When the meta was sealed, to the second (the sealing replica's clock).</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The plugin's payload, as sealed (UTF-8 JSON by convention; the envelope does not look inside).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Whether the meta was issued for the task category <paramref name="taskType"/> at <paramref name="taskTypeVersion"/>.</summary>
    /// <param name="taskType">The category name the request names.</param>
    /// <param name="taskTypeVersion">The category version the request names.</param>
    public bool IsFor(string taskType, int taskTypeVersion) =>
        TaskTypeVersion == taskTypeVersion && string.Equals(TaskType, taskType, StringComparison.Ordinal);
}
