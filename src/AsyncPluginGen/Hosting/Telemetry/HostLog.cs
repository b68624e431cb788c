using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Hosting;

/// <summary>The host's log messages, source-generated with <see cref="LoggerMessageAttribute"/>.</summary>
internal static partial class HostLog
{
    [LoggerMessage(1, LogLevel.Debug, "Task {Task} submitted to plugin {Plugin}")]
    public static partial void Submitted(ILogger logger, string plugin, string task);

    [LoggerMessage(2, LogLevel.Warning, "Create of task {Task} by plugin {Plugin} failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void CreateRetry(ILogger logger, Exception exception, string plugin, string task, int attempt, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Error, "Create of task {Task} by plugin {Plugin} failed after {Attempts} attempt(s)")]
    public static partial void CreateFailed(ILogger logger, Exception exception, string plugin, string task, int attempts);

    [LoggerMessage(4, LogLevel.Warning, "Get of task {Task} by plugin {Plugin} failed ({Failures} in a row, {Max} tolerated)")]
    public static partial void GetFailed(ILogger logger, Exception exception, string plugin, string task, int failures, int max);

    [LoggerMessage(5, LogLevel.Error, "Status of plugin {Plugin} threw for task {Task}")]
    public static partial void StatusFailed(ILogger logger, Exception exception, string plugin, string task);

    [LoggerMessage(6, LogLevel.Warning, "Delete of task {Task} by plugin {Plugin} failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void DeleteRetry(ILogger logger, Exception exception, string plugin, string task, int attempt, TimeSpan delay);

    [LoggerMessage(7, LogLevel.Error, "Delete of task {Task} by plugin {Plugin} failed {Attempts} times; the remote job may still exist")]
    public static partial void DeleteGaveUp(ILogger logger, Exception exception, string plugin, string task, int attempts);

    [LoggerMessage(8, LogLevel.Error, "Releasing the quota token of task {Task} (plugin {Plugin}) failed")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string plugin, string task);

    [LoggerMessage(9, LogLevel.Error, "Unexpected error while driving task {Task} of plugin {Plugin}")]
    public static partial void UnexpectedError(ILogger logger, Exception exception, string plugin, string task);

    [LoggerMessage(10, LogLevel.Error, "A phase observer threw for task {Task}")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string task);

    [LoggerMessage(11, LogLevel.Warning, "A {Operation} call of plugin {Plugin} for task {Task} failed after the host stopped waiting for it (time-out or interrupt)")]
    public static partial void AbandonedCallFailed(ILogger logger, Exception exception, string operation, string plugin, string task);
}
