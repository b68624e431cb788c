namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>What a walk finds; each maps to one descriptor (APG1001–APG1003, APG1005, APG1006).</summary>
internal enum HotPathRule
{
    Network,
    Blocking,
    Allocation,

    /// <summary>Strict mode: a call whose target cannot be checked (APG1005).</summary>
    Unchecked,

    /// <summary>The walk stopped there, at the depth limit or out of budget (APG1006).</summary>
    Stopped,
}

/// <summary>
/// One thing Status must not do, as seen from some method body: which rule, how it is reached, a short description
/// for the message, and (for blocking calls) the kind a code fix dispatches on.
/// </summary>
internal sealed class Finding
{
    public Finding(HotPathRule rule, CallChain chain, string description, string kind)
    {
        Rule = rule;
        Chain = chain;
        Description = description;
        Kind = kind;
    }

    public HotPathRule Rule { get; }

    public CallChain Chain { get; }

    public string Description { get; }

    /// <summary>
    /// For <see cref="HotPathRule.Blocking"/>: one of <see cref="BlockingKinds"/>; for <see cref="HotPathRule.Unchecked"/>:
    /// the member as <c>asyncplugingen.status.allowed_members</c> names it; empty otherwise.
    /// </summary>
    public string Kind { get; }

    /// <summary>Whether the operation sits in the body itself rather than in a helper it calls.</summary>
    public bool IsDirect => Chain.Next is null;

    public static Finding Direct(HotPathRule rule, string leaf, string description, string kind = "") =>
        new(rule, CallChain.Leaf(leaf), description, kind);

    /// <summary>A call the walk did not look into, <paramref name="callee"/>, and why (<see cref="StopKinds"/>).</summary>
    public static Finding Stopped(string callee, string kind) => Direct(HotPathRule.Stopped, callee, "not examined", kind);

    /// <summary>The same finding seen from a caller that reaches it through <paramref name="callee"/>.</summary>
    public Finding Through(string callee) => new(Rule, Chain.Prepend(callee), Description, Kind);
}

/// <summary>The values of the APG1002 "Kind" property: the contract with the code fixes.</summary>
internal static class BlockingKinds
{
    public const string ThreadSleep = "ThreadSleep";
    public const string TaskResult = "TaskResult";
    public const string TaskWait = "TaskWait";
    public const string GetResult = "GetResult";
    public const string WaitHandle = "WaitHandle";
    public const string Lock = "Lock";
    public const string Other = "Other";
}

/// <summary>Why a walk stopped (the Kind of a <see cref="HotPathRule.Stopped"/> finding).</summary>
internal static class StopKinds
{
    /// <summary><c>asyncplugingen.status.max_depth</c> was reached.</summary>
    public const string Depth = "Depth";

    /// <summary>The per-Status budget of method bodies ran out.</summary>
    public const string Budget = "Budget";
}
