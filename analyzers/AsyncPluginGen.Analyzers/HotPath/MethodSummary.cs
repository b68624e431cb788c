namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// What a helper's body reaches, per rule the shortest chain found (or null), memoized per compilation so that a
/// helper called from a thousand Status methods is walked once.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(null, null, null, null, null, depthLimited: false);

    public MethodSummary(Finding? network, Finding? blocking, Finding? allocation, Finding? @unchecked, Finding? stopped, bool depthLimited)
    {
        Network = network;
        Blocking = blocking;
        Allocation = allocation;
        Unchecked = @unchecked;
        Stopped = stopped;
        DepthLimited = depthLimited;
    }

    public Finding? Network { get; }

    public Finding? Blocking { get; }

    public Finding? Allocation { get; }

    /// <summary>Strict mode only: the shortest chain to a call that cannot be checked.</summary>
    public Finding? Unchecked { get; }

    /// <summary>The shortest chain to where the walk stopped (depth or budget), if it did.</summary>
    public Finding? Stopped { get; }

    /// <summary>
    /// Whether some callee was not looked into because the depth budget ran out. A summary that never hit the
    /// limit holds for any larger budget too, so it can be shared across depths.
    /// </summary>
    public bool DepthLimited { get; }

    public bool IsEmpty => Network is null && Blocking is null && Allocation is null && Unchecked is null && Stopped is null;
}
