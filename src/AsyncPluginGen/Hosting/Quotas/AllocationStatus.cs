namespace AsyncPluginGen.Hosting;

/// <summary>The outcome of a quota request (Flyte's <c>AllocationStatus</c>).</summary>
public enum AllocationStatus
{
    /// <summary>The token is held.</summary>
    Granted,

    /// <summary>The namespace's quota is used up; wait for a release.</summary>
    Exhausted,

    /// <summary>The project's or project-and-domain's cap is reached; also a wait (Flyte treats it as an error).</summary>
    NamespaceQuotaExceeded,
}
