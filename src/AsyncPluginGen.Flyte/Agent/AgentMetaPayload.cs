using System.Buffers;
using System.Text.Json;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>
/// What the agent seals into <c>resource_meta</c>: the task attempt's identity (so Get and Delete know which task they
/// serve, for Status and for logs) and either the plugin's ResourceMeta as JSON, written by the plugin's generated
/// serializer, or the failure that ended the task at Create.
/// </summary>
/// <remarks>
/// Propeller turns every CreateTask error into a retryable failure, so a plugin could never fail a task for good at
/// Create. Instead the agent answers CreateTask with a meta that carries the failure, and GetTask reports it as the
/// task's terminal phase; there is no remote job, so Delete has nothing to do.
/// </remarks>
/// <param name="ExecutionId">The task attempt.</param>
/// <param name="MetaJson">The plugin's ResourceMeta, UTF-8 JSON; empty when <paramref name="Failure"/> is set.</param>
/// <param name="Failure">The failure that ended the task at Create, if it did.</param>
internal readonly record struct AgentMetaPayload(TaskExecutionId ExecutionId, ReadOnlyMemory<byte> MetaJson, AgentCreateFailure? Failure = null)
{
    private const int FormatVersion = 1;

    /// <summary>Writes <c>{"v":1,"id":{"p":..,"d":..,"e":..,"n":..,"r":..},"meta":{..}}</c>.</summary>
    public static byte[] Write<TMeta>(TaskExecutionId executionId, IResourceMetaSerializer<TMeta> serializer, TMeta meta)
        where TMeta : notnull =>
        Write(executionId, writer =>
        {
            writer.WritePropertyName("meta");
            serializer.Write(writer, meta);
        });

    /// <summary>Writes <c>{"v":1,"id":{..},"failed":{"code":..,"message":..,"system":..}}</c>: the task ended at Create.</summary>
    public static byte[] WriteFailure(TaskExecutionId executionId, AgentCreateFailure failure) =>
        Write(executionId, writer =>
        {
            writer.WriteStartObject("failed");
            writer.WriteString("code", failure.Code);
            writer.WriteString("message", failure.Message);
            writer.WriteBoolean("system", failure.IsSystemError);
            writer.WriteEndObject();
        });

    private static byte[] Write(TaskExecutionId executionId, Action<Utf8JsonWriter> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteStartObject("id");
            writer.WriteString("p", executionId.Project);
            writer.WriteString("d", executionId.Domain);
            writer.WriteString("e", executionId.ExecutionName);
            writer.WriteString("n", executionId.NodeId);
            writer.WriteNumber("r", executionId.RetryAttempt);
            writer.WriteEndObject();
            writeBody(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a payload the agent wrote; anything else is a <see cref="FormatException"/>.</summary>
    public static AgentMetaPayload Read(ReadOnlyMemory<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload.Span, new JsonReaderOptions { MaxDepth = 64 });
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "an object");
            int? version = null;
            TaskExecutionId? id = null;
            ReadOnlyMemory<byte>? meta = null;
            AgentCreateFailure? failure = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("v"))
                {
                    Expect(reader.Read() && reader.TokenType == JsonTokenType.Number, "a version number");
                    version = reader.GetInt32();
                }
                else if (reader.ValueTextEquals("id"))
                {
                    id = ReadId(ref reader);
                }
                else if (reader.ValueTextEquals("meta"))
                {
                    Expect(reader.Read(), "the meta");
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    meta = payload[start..(int)reader.BytesConsumed];
                }
                else if (reader.ValueTextEquals("failed"))
                {
                    failure = ReadFailure(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            Expect(version == FormatVersion, $"payload version {FormatVersion}");
            Expect(id is not null && (meta is null) != (failure is null), "the task identity and either the meta or the failure");
            return new AgentMetaPayload(id!, meta ?? default, failure);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The resource_meta payload is not valid JSON.", exception);
        }
    }

    private static TaskExecutionId ReadId(ref Utf8JsonReader reader)
    {
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "the task identity object");
        string? project = null, domain = null, execution = null, node = null;
        var retry = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "p": project = reader.GetString(); break;
                case "d": domain = reader.GetString(); break;
                case "e": execution = reader.GetString(); break;
                case "n": node = reader.GetString(); break;
                case "r": retry = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }

        Expect(project is not null && domain is not null && execution is not null && node is not null, "a complete task identity");
        try
        {
            return new TaskExecutionId(project!, domain!, execution!, node!, retry);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException($"The resource_meta payload is malformed: its task identity is not valid ({exception.Message})", exception);
        }
    }

    private static AgentCreateFailure ReadFailure(ref Utf8JsonReader reader)
    {
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "the failure object");
        string? code = null, message = null;
        var system = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "code": code = reader.GetString(); break;
                case "message": message = reader.GetString(); break;
                case "system": system = reader.GetBoolean(); break;
                default: reader.Skip(); break;
            }
        }

        Expect(code is { Length: > 0 } && message is not null, "a failure with a code and a message");
        return new AgentCreateFailure(code!, message!, system);
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new FormatException($"The resource_meta payload is malformed: expected {what}.");
        }
    }
}
