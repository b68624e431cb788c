namespace AsyncPluginGen;

/// <summary>Who is to blame for a failure, as in Flyte's <c>ExecutionError.Kind</c>.</summary>
public enum ExecutionErrorKind : byte
{
    /// <summary>The failure comes from the user's task or data (Flyte's <c>USER</c>).</summary>
    User = 1,

    /// <summary>The failure comes from the platform, the plugin or the remote service (Flyte's <c>SYSTEM</c>).</summary>
    System = 2,
}
