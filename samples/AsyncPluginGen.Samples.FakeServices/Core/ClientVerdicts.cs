using AsyncPluginGen.Hosting;

namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>Turns a task the host ran into the claim its client makes to a service's reconciliation.</summary>
public static class ClientVerdicts
{
    /// <summary>The verdict for a task: its final phase, or <see cref="ClientVerdict.Unfinished"/> when it has none.</summary>
    /// <param name="handle">The task's handle from <see cref="PluginHost.Submit"/>.</param>
    /// <returns>How the client says the task ended.</returns>
    public static ClientVerdict Of(TaskHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!handle.Completion.IsCompletedSuccessfully)
        {
            return ClientVerdict.Unfinished;
        }

        return handle.Completion.Result.Phase.Phase switch
        {
            TaskPhase.Success => ClientVerdict.Succeeded,
            TaskPhase.Aborted => ClientVerdict.Aborted,
            _ => ClientVerdict.Failed,
        };
    }
}
