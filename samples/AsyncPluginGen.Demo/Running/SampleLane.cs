using System.Text.Json;
using AsyncPluginGen.Samples.FakeServices;

namespace AsyncPluginGen.Demo.Running;

/// <summary>One kind of task the demo runs: a sample plugin, how to make its inputs, and the fake service behind it.</summary>
/// <param name="Name">A short name for the progress display.</param>
/// <param name="PluginId">The plugin's id (its class name).</param>
/// <param name="TaskType">The task type that selects the plugin.</param>
/// <param name="Weight">Its share of the task mix.</param>
/// <param name="IsSync">Whether it is a synchronous plugin (no remote job, nothing to abort or leak).</param>
/// <param name="Inputs">Makes the inputs of the task with this index.</param>
/// <param name="KeyFor">The idempotency key the service sees for a task; null for a sync plugin.</param>
/// <param name="Service">The fake service the plugin calls.</param>
internal sealed record SampleLane(
    string Name,
    string PluginId,
    string TaskType,
    double Weight,
    bool IsSync,
    Func<Random, int, JsonElement> Inputs,
    Func<TaskContext, string>? KeyFor,
    FakeService Service);
