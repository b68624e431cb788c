using System.Buffers;
using System.Text.Json;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Encodes what Create needs to be repeated after a restart (<see cref="StoredTask.Context"/>): the identity, namespace,
/// labels, annotations, service account, environment, inputs and custom data of a <see cref="TaskContext"/>. Its
/// secrets and output writer are not stored: a recovered task gets the <see cref="ISecretProvider"/> registered with the host's services (none by default)
/// and an in-memory output writer.
/// </summary>
internal static class TaskContextCodec
{
    public static byte[] Write(TaskContext task, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var id = task.ExecutionId;
            json.WriteStartObject();
            json.WriteString("taskType", task.TaskType);
            json.WriteString("project", id.Project);
            json.WriteString("domain", id.Domain);
            json.WriteString("execution", id.ExecutionName);
            json.WriteString("node", id.NodeId);
            json.WriteNumber("retry", id.RetryAttempt);
            json.WriteString("namespace", task.Namespace);
            WriteMap(json, "labels", task.Labels);
            WriteMap(json, "annotations", task.Annotations);
            if (task.ServiceAccount is { } account)
            {
                json.WriteString("serviceAccount", account);
            }

            WriteMap(json, "env", task.EnvironmentVariables);
            json.WritePropertyName("inputs");
            task.Inputs.WriteTo(json);
            json.WritePropertyName("custom");
            task.Custom.WriteTo(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="JsonException">The bytes are not a stored context.</exception>
    /// <exception cref="ArgumentException">A stored identity part is no longer valid.</exception>
    public static TaskContext Read(ReadOnlyMemory<byte> utf8Json, ISecretProvider secrets)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        var id = new TaskExecutionId(
            Text(root, "project"),
            Text(root, "domain"),
            Text(root, "execution"),
            Text(root, "node"),
            root.GetProperty("retry").GetInt32());
        return new TaskContext(Text(root, "taskType"), id)
        {
            Namespace = Text(root, "namespace"),
            Labels = ReadMap(root, "labels"),
            Annotations = ReadMap(root, "annotations"),
            ServiceAccount = root.TryGetProperty("serviceAccount", out var account) ? account.GetString() : null,
            EnvironmentVariables = ReadMap(root, "env"),
            Inputs = root.GetProperty("inputs").Clone(),
            Custom = root.GetProperty("custom").Clone(),
            Secrets = secrets,
        };
    }

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new JsonException($"The stored task context has no '{name}'.");

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }

        json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static Dictionary<string, string> ReadMap(JsonElement root, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty(name, out var element))
        {
            foreach (var property in element.EnumerateObject())
            {
                map[property.Name] = property.Value.GetString() ?? string.Empty;
            }
        }

        return map;
    }
}
