using AsyncPluginGen.Generators.Inspection;

namespace AsyncPluginGen.Analyzers;

/// <summary>
/// Stable, hand-assigned diagnostic ids. Never renumber or reuse one. The authoring ids are the plugin inspection's
/// (<see cref="ProblemIds"/>, shared with the generator), written once there.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>The plugin class is not partial.</summary>
    public const string PluginNotPartial = ProblemIds.PluginNotPartial;

    /// <summary>The annotated class cannot be a plugin (generic, nested, static, abstract, ...).</summary>
    public const string UnsupportedPluginDeclaration = ProblemIds.UnsupportedPluginDeclaration;

    /// <summary>A required handler (Create, Get or Do) is missing.</summary>
    public const string MissingHandler = ProblemIds.MissingHandler;

    /// <summary>A handler's signature is not one the generator accepts.</summary>
    public const string UnusableHandlerSignature = ProblemIds.UnusableHandlerSignature;

    /// <summary>Several methods qualify as the same handler.</summary>
    public const string AmbiguousHandlers = ProblemIds.AmbiguousHandlers;

    /// <summary>No Delete handler: aborted tasks leak their remote job.</summary>
    public const string MissingDelete = ProblemIds.MissingDelete;

    /// <summary>Two plugins of the compilation serve the same task type.</summary>
    public const string DuplicateTaskType = "APG0007";

    /// <summary>No task type, or an empty one.</summary>
    public const string InvalidTaskType = ProblemIds.InvalidTaskType;

    /// <summary>A configuration value lies outside Flyte's validation range.</summary>
    public const string ConfigValueOutOfRange = ProblemIds.ConfigValueOutOfRange;

    /// <summary>An enum state member has no phase mapping and the plugin has no default.</summary>
    public const string UnmappedEnumState = ProblemIds.UnmappedEnumState;

    /// <summary>String states are mapped but the plugin has no default for states it does not list.</summary>
    public const string StringStatesWithoutDefault = ProblemIds.StringStatesWithoutDefault;

    /// <summary>Neither a [PhaseSource] member nor a handwritten Status.</summary>
    public const string NoStatusSource = ProblemIds.NoStatusSource;

    /// <summary>A [PhaseSource] or [PhaseMessage] member the generator cannot use.</summary>
    public const string InvalidPhaseSource = ProblemIds.InvalidPhaseSource;

    /// <summary>The ResourceMeta type cannot be serialized by the host.</summary>
    public const string ResourceMetaNotSerializable = ProblemIds.ResourceMetaNotSerializable;

    /// <summary>A phase mapping that is ignored or contradicts another.</summary>
    public const string InvalidPhaseMapping = ProblemIds.InvalidPhaseMapping;

    /// <summary>[assembly: PluginRegistration] names the DI method or class with something that is not a C# identifier.</summary>
    public const string InvalidRegistrationName = "APG0016";

    /// <summary>Create provably returns a null ResourceMeta.</summary>
    public const string NullResourceMeta = "APG0017";

    /// <summary>A [TaskInfoSource] member the generated Status cannot use, or never reads.</summary>
    public const string IgnoredTaskInfoSource = ProblemIds.IgnoredTaskInfoSource;

    /// <summary>A network call is reachable from Status.</summary>
    public const string NetworkCallInStatus = "APG1001";

    /// <summary>A blocking call is reachable from Status.</summary>
    public const string BlockingCallInStatus = "APG1002";

    /// <summary>A heap allocation is reachable from Status.</summary>
    public const string AllocationInStatus = "APG1003";

    /// <summary>Status is async or returns a task.</summary>
    public const string AsyncStatus = "APG1004";

    /// <summary>Strict mode: Status reaches a call whose target cannot be checked.</summary>
    public const string UncheckedCallInStatus = "APG1005";

    /// <summary>The Status check stopped (depth or budget) before the end of a call chain.</summary>
    public const string StatusCheckIncomplete = "APG1006";
}
