namespace AsyncPluginGen.Flyte.Agent;

/// <summary>A task that ended at Create, carried in its <c>resource_meta</c> until GetTask reports it.</summary>
/// <param name="Code">The error code: the plugin's <see cref="PermanentTaskFailureException.Code"/>, or the agent's own.</param>
/// <param name="Message">What went wrong, for the user.</param>
/// <param name="IsSystemError">A fault of the plugin (a null ResourceMeta) rather than of the task's input.</param>
internal sealed record AgentCreateFailure(string Code, string Message, bool IsSystemError)
{
    /// <summary>The terminal phase GetTask reports.</summary>
    public PhaseInfo ToPhase() => IsSystemError ? PhaseInfo.SystemFailure(Code, Message) : PhaseInfo.Failure(Code, Message);
}
