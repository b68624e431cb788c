namespace AsyncPluginGen;

/// <summary>Whether a plugin polls a remote job or returns its outcome at once.</summary>
public enum PluginKind
{
    /// <summary>An <see cref="IAsyncPlugin"/>: Create, then Get and Status until terminal, Delete on abort.</summary>
    Async,

    /// <summary>An <see cref="ISyncPlugin"/>: one Do call returns the outcome.</summary>
    Sync,
}
