using System.Text.Json;

namespace AsyncPluginGen.Flyte.Client;

/// <summary>Serializes <see cref="RemoteAgentMeta"/> as <c>{"agentMeta":"base64","syncResource":"base64"}</c>, without reflection.</summary>
internal sealed class RemoteAgentMetaSerializer : IResourceMetaSerializer<RemoteAgentMeta>
{
    public static RemoteAgentMetaSerializer Instance { get; } = new();

    public void Write(Utf8JsonWriter writer, RemoteAgentMeta value)
    {
        writer.WriteStartObject();
        writer.WriteBase64String("agentMeta", value.AgentMeta);
        if (value.SyncResource is not null)
        {
            writer.WriteBase64String("syncResource", value.SyncResource);
        }

        writer.WriteEndObject();
    }

    public RemoteAgentMeta Read(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ResourceMetaFormatException("A remote agent meta must be a JSON object.");
            }

            byte[]? agentMeta = null;
            byte[]? syncResource = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAgentMeta = reader.ValueTextEquals("agentMeta");
                var isSync = reader.ValueTextEquals("syncResource");
                reader.Read();
                if (isAgentMeta)
                {
                    agentMeta = reader.GetBytesFromBase64();
                }
                else if (isSync)
                {
                    syncResource = reader.TokenType == JsonTokenType.Null ? null : reader.GetBytesFromBase64();
                }
                else
                {
                    reader.Skip();
                }
            }

            return new RemoteAgentMeta(agentMeta ?? throw new ResourceMetaFormatException("A remote agent meta needs 'agentMeta'."), syncResource);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException and not ResourceMetaFormatException)
        {
            throw new ResourceMetaFormatException($"A remote agent meta is malformed: {exception.Message}");
        }
    }
}
