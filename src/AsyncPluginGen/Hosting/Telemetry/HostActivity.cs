using System.Diagnostics;

namespace AsyncPluginGen.Hosting;

/// <summary>One span per remote call, on activity source <see cref="SourceName"/>.</summary>
public static class HostActivity
{
    /// <summary>The activity source's name.</summary>
    public const string SourceName = "AsyncPluginGen.Host";

    private static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(string operation, string pluginId, TaskRecord record)
    {
        // Runs for every remote call: build the span name only when someone listens.
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity($"{pluginId} {operation}", ActivityKind.Client);
        activity?.SetTag("asyncplugin.plugin", pluginId);
        activity?.SetTag("asyncplugin.task_type", record.Task.TaskType);
        activity?.SetTag("asyncplugin.task", record.Task.UniqueName);
        return activity;
    }
}
