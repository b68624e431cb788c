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

    [LoggerMessage(20, LogLevel.Error, "Writing {Count} task(s) to the task store failed ({Failures} time(s) in a row); retrying. Until a write succeeds, Creates and Deletes wait and ended tasks do not complete")]
    public static partial void StoreWriteFailed(ILogger logger, Exception exception, int count, int failures);

    [LoggerMessage(21, LogLevel.Information, "Recovered {Count} task(s) from the task store: {Created} created (polling resumes), {ToCreate} to create with their original key, {ToDelete} to delete")]
    public static partial void Recovered(ILogger logger, int count, int created, int toCreate, int toDelete);

    [LoggerMessage(22, LogLevel.Error, "Task {Task} of plugin {Plugin} in the task store cannot be resumed: {Problem}. It stays in the store untouched; its remote job, if any, is not watched")]
    public static partial void NotResumable(ILogger logger, Exception? exception, string plugin, string task, string problem);

    [LoggerMessage(23, LogLevel.Warning, "The host stopped with task {Task} of plugin {Plugin} in flight and no task store: its remote job {Job} was left running")]
    public static partial void LeftRunning(ILogger logger, string plugin, string task, string job);
}
