using System.Buffers;

namespace AsyncPluginGen.Hosting;

/// <summary>Turns a task into the row the journal saves: the context the first time, the meta once known, the progress always.</summary>
internal static class StoredTaskWriter
{
    public static StoredTask Write(TaskRecord record, byte[]? meta, ArrayBufferWriter<byte> buffer, DateTimeOffset now)
    {
        var changes = record.Changes;
        var progress = record.CaptureProgress();
        return new StoredTask
        {
            UniqueName = record.Task.UniqueName,
            PluginId = record.PluginId,
            TaskType = record.Task.TaskType,
            Context = record.ContextStored ? null : TaskContextCodec.Write(record.Task, buffer),
            Meta = meta,
            Progress = ProgressCodec.Write(progress, buffer),
            Version = changes,
            UpdatedAt = now,
            EndedAt = IsEnded(progress.State) ? now : null,
        };
    }

    /// <summary>The row was saved: what was written once need not be written again.</summary>
    public static void Saved(TaskRecord record, StoredTask row)
    {
        if (row.Context is not null)
        {
            record.ContextStored = true;
        }

        if (row.Meta is not null)
        {
            record.MetaStored = true;
        }
    }

    private static bool IsEnded(PluginState state) =>
        state is PluginState.Succeeded or PluginState.UserFailure or PluginState.SystemFailure or PluginState.Aborted;
}
