namespace AsyncPluginGen;

/// <summary>A remote resource that a task created, reported so users can find it (Flyte's <c>ExternalResource</c>).</summary>
/// <param name="ExternalId">The remote service's identifier for the resource.</param>
/// <param name="Phase">The phase of that resource.</param>
/// <param name="Index">The index of the resource when a task created several.</param>
/// <param name="RetryAttempt">The retry attempt that created it.</param>
public sealed record ExternalResourceInfo(string ExternalId, TaskPhase Phase, int Index = 0, int RetryAttempt = 0);
