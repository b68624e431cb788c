using System.Buffers;
using System.Text.Json;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Encodes <see cref="TaskProgress"/> as compact JSON (<see cref="StoredTask.Progress"/>). Versioned with <c>v</c>: a
/// reader meets rows written by older hosts, so members are only added, with defaults when absent.
/// </summary>
internal static class ProgressCodec
{
    public const int Version = 1;

    public static byte[] Write(in TaskProgress progress, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteNumber("state", (int)progress.State);
            json.WritePropertyName("phase");
            WritePhase(json, progress.Phase);
            if (progress.Interrupt != TaskInterrupt.None)
            {
                json.WriteNumber("interrupt", (int)progress.Interrupt);
            }

            if (progress.Deadline is { } deadline)
            {
                json.WriteNumber("deadline", deadline.UtcTicks);
            }

            json.WriteNumber("attempts", progress.Attempts);
            if (progress.GetFailures > 0)
            {
                json.WriteNumber("getFailures", progress.GetFailures);
            }

            if (progress.CreateInDoubt)
            {
                json.WriteBoolean("createInDoubt", true);
            }

            if (progress.QuotaNamespace is { } ns)
            {
                json.WriteString("quota", ns);
            }

            if (progress.Delete is { } delete)
            {
                json.WriteStartObject("delete");
                json.WriteString("reason", delete.Reason.Value);
                json.WritePropertyName("then");
                WritePhase(json, delete.Then);
                json.WriteNumber("thenState", (int)delete.ThenState);
                json.WriteNumber("attempts", delete.Attempts);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="JsonException">The bytes are not a progress this version can read.</exception>
    public static TaskProgress Read(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        var version = root.GetProperty("v").GetInt32();
        if (version > Version)
        {
            throw new JsonException($"The task was stored by a newer host (progress format {version}; this host reads up to {Version}).");
        }

        PendingDelete? delete = null;
        if (root.TryGetProperty("delete", out var d))
        {
            delete = new PendingDelete(
                new DeleteReason(d.GetProperty("reason").GetString()!),
                ReadPhase(d.GetProperty("then")),
                (PluginState)d.GetProperty("thenState").GetInt32(),
                d.GetProperty("attempts").GetInt32());
        }

        return new TaskProgress
        {
            State = (PluginState)root.GetProperty("state").GetInt32(),
            Phase = ReadPhase(root.GetProperty("phase")),
            Interrupt = root.TryGetProperty("interrupt", out var i) ? (TaskInterrupt)i.GetInt32() : TaskInterrupt.None,
            Deadline = root.TryGetProperty("deadline", out var dl) ? new DateTimeOffset(dl.GetInt64(), TimeSpan.Zero) : null,
            Attempts = root.GetProperty("attempts").GetInt32(),
            GetFailures = root.TryGetProperty("getFailures", out var g) ? g.GetInt32() : 0,
            CreateInDoubt = root.TryGetProperty("createInDoubt", out var c) && c.GetBoolean(),
            QuotaNamespace = root.TryGetProperty("quota", out var q) ? q.GetString() : null,
            Delete = delete,
        };
    }

    private static void WritePhase(Utf8JsonWriter json, PhaseInfo phase)
    {
        json.WriteStartObject();
        json.WriteNumber("p", (int)phase.Phase);
        if (phase.Version != 0)
        {
            json.WriteNumber("ver", phase.Version);
        }

        if (phase.Reason is { } reason)
        {
            json.WriteString("reason", reason);
        }

        if (phase.Error is { } error)
        {
            json.WriteString("code", error.Code);
            json.WriteString("message", error.Message);
            json.WriteNumber("kind", (int)error.Kind);
        }

        if (phase.CleanupOnFailure)
        {
            json.WriteBoolean("cleanup", true);
        }

        json.WriteEndObject();
    }

    private static PhaseInfo ReadPhase(JsonElement element)
    {
        var phase = (TaskPhase)element.GetProperty("p").GetInt32();
        var version = element.TryGetProperty("ver", out var v) ? v.GetUInt32() : 0;
        var reason = element.TryGetProperty("reason", out var r) ? r.GetString() : null;
        if (element.TryGetProperty("code", out var code))
        {
            var error = new ExecutionError(code.GetString(), element.GetProperty("message").GetString(), (ExecutionErrorKind)element.GetProperty("kind").GetInt32());
            var failed = PhaseInfo.Failed(phase, error, info: null, cleanupOnFailure: element.TryGetProperty("cleanup", out var cl) && cl.GetBoolean());
            return reason is null ? failed : failed.WithReason(reason);
        }

        return phase switch
        {
            TaskPhase.NotReady => PhaseInfo.NotReady(reason, version),
            TaskPhase.WaitingForResources => PhaseInfo.WaitingForResources(reason, version),
            TaskPhase.Queued => PhaseInfo.Queued(reason, version),
            TaskPhase.Initializing => PhaseInfo.Initializing(reason, version),
            TaskPhase.Running => PhaseInfo.Running(reason, version),
            TaskPhase.Success => PhaseInfo.Success(reason),
            TaskPhase.WaitingForCache => PhaseInfo.WaitingForCache(reason, version),
            TaskPhase.Aborted => PhaseInfo.Aborted(reason),
            _ => PhaseInfo.Undefined,
        };
    }
}
