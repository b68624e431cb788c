using AsyncPluginGen.Flyte.Meta;
using Flyteidl.Admin;
using Google.Protobuf;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>How requests name their plugin, and how <c>resource_meta</c> is verified before any plugin sees it.</summary>
internal static class AgentRouting
{
    /// <summary>
    /// The category of a Get, Delete, logs or metrics request: <c>task_category</c>, or else the deprecated
    /// <c>task_type</c> at version 0 (what propellers before task categories send).
    /// </summary>
    public static TaskCategoryKey CategoryOf(TaskCategory? category, string deprecatedTaskType)
    {
        if (category is not null && !string.IsNullOrEmpty(category.Name))
        {
            return new TaskCategoryKey(category.Name, category.Version);
        }

        if (!string.IsNullOrEmpty(deprecatedTaskType))
        {
            return new TaskCategoryKey(deprecatedTaskType, 0);
        }

        throw new AgentRequestException("The request names no task category: set task_category (or the deprecated task_type).");
    }

    /// <summary>
    /// Verifies the envelope (size, format, signature), checks it was issued for this category, and decodes the payload.
    /// A forged, foreign or tampered meta fails here, so it never reaches a plugin's Get or Delete.
    /// </summary>
    public static AgentMetaPayload OpenMeta(ResourceMetaEnvelope envelope, TaskCategoryKey category, ByteString resourceMeta)
    {
        var opened = envelope.Open(resourceMeta.Span, category.Name, category.Version);

        try
        {
            return AgentMetaPayload.Read(opened.Payload);
        }
        catch (FormatException exception)
        {
            throw new AgentRequestException($"resource_meta is signed but its payload cannot be read: {exception.Message}", exception);
        }
    }
}
