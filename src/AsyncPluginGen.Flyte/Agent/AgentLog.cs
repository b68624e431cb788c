using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>The agent's log messages: failures logged here in full, with the task's identity, never sent to clients.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Operation} for {TaskType} task {Task} answered {StatusCode}: {Message}")]
    public static partial void Refused(ILogger logger, string operation, string taskType, string task, string statusCode, string message);

    [LoggerMessage(2, LogLevel.Error, "{Operation} for {TaskType} task {Task} failed in plugin {PluginId} (trace {TraceId})")]
    public static partial void PluginFailed(ILogger logger, Exception exception, string operation, string taskType, string task, string pluginId, string traceId);

    [LoggerMessage(3, LogLevel.Error, "Created {TaskType} task {Task}, but its resource_meta cannot be returned ({Reason}); the job was deleted so it does not leak")]
    public static partial void CreatedButUnreturnable(ILogger logger, string taskType, string task, string reason);

    [LoggerMessage(4, LogLevel.Error, "Created {TaskType} task {Task}, but neither its resource_meta could be returned nor the job deleted; it may still run remotely")]
    public static partial void CreatedAndLeaked(ILogger logger, Exception exception, string taskType, string task);

    [LoggerMessage(6, LogLevel.Error, "Status of plugin {PluginId} threw for task {Task}; the task fails as a system error and its job is deleted")]
    public static partial void StatusFailed(ILogger logger, Exception exception, string pluginId, string task);

    [LoggerMessage(5, LogLevel.Information, "Flyte agent serving {Count} task categories: {Categories}")]
    public static partial void Serving(ILogger logger, int count, string categories);
}
