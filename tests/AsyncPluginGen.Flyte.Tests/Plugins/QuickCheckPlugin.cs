using System.Text.Json;

namespace AsyncPluginGen.Flyte.Tests.Plugins;

/// <summary>A sync test plugin: checks a name and writes one output; "slow" waits for the call's deadline.</summary>
[SyncPlugin(TaskType, Version = 2)]
public sealed partial class QuickCheckPlugin
{
    public const string TaskType = "quick_check";

    public async ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken ct)
    {
        var name = task.Inputs.GetProperty("name").GetString();
        if (name == "slow")
        {
            await Task.Delay(Timeout.Infinite, ct);
        }

        if (name == "bad")
        {
            return PhaseInfo.Failure("BadName", $"'{name}' is not allowed");
        }

        if (name == "refused")
        {
            throw new PermanentTaskFailureException("NameRefused", "'refused' is on the deny list");
        }

        if (name == "pending")
        {
            return PhaseInfo.Running("still going");
        }

        await task.Outputs.WriteOutputsAsync(JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["greeting"] = $"hello {name}", ["length"] = name?.Length }), ct);
        return PhaseInfo.Success();
    }
}
