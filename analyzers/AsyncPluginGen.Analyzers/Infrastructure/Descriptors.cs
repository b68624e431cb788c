using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers;

/// <summary>
/// Every diagnostic the analyzers report. Messages say what is wrong and how to fix it; each links to its page
/// under docs/diagnostics. Severities are defaults: every rule can be configured in .editorconfig.
/// </summary>
public static class Descriptors
{
    /// <summary>Where the rule pages live; the id and ".md" are appended.</summary>
    public const string HelpLinkBase = "https://github.com/AsyncPluginGen/AsyncPluginGen/blob/main/docs/diagnostics/";

    private const string Authoring = "AsyncPluginGen.Authoring";
    private const string HotPath = "AsyncPluginGen.StatusHotPath";

    /// <summary>APG0001.</summary>
    public static readonly DiagnosticDescriptor PluginNotPartial = Create(
        DiagnosticIds.PluginNotPartial,
        "Plugin class must be partial",
        "Plugin class '{0}' must be declared partial so the generator can add the plugin contract; add the 'partial' modifier to every part of the class",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0002.</summary>
    public static readonly DiagnosticDescriptor UnsupportedPluginDeclaration = Create(
        DiagnosticIds.UnsupportedPluginDeclaration,
        "Class cannot be a plugin",
        "'{0}' cannot be a plugin: {1}",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0003. The last argument names a near-miss method ("did you mean 'GetAsync'?"), or is empty.</summary>
    public static readonly DiagnosticDescriptor MissingHandler = Create(
        DiagnosticIds.MissingHandler,
        "Plugin has no required handler",
        "Plugin '{0}' has no {1} handler{3}; add one, for example '{2}'",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0004.</summary>
    public static readonly DiagnosticDescriptor UnusableHandlerSignature = Create(
        DiagnosticIds.UnusableHandlerSignature,
        "Handler signature is not usable",
        "'{0}' cannot be the {1} handler of plugin '{2}': {3}. Accepted: {4}",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0005.</summary>
    public static readonly DiagnosticDescriptor AmbiguousHandlers = Create(
        DiagnosticIds.AmbiguousHandlers,
        "Several methods qualify as the same handler",
        "Plugin '{0}' has {1} usable {2} handlers ({3}); keep exactly one, or rename the others",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0006. The last argument names a near-miss method ("did you mean 'DeleteAsync'?"), or is empty.</summary>
    public static readonly DiagnosticDescriptor MissingDelete = Create(
        DiagnosticIds.MissingDelete,
        "Plugin has no Delete handler",
        "Plugin '{0}' has no Delete handler{2}, so an aborted task leaves its remote job running; add '{1}' that cancels the job",
        Authoring,
        DiagnosticSeverity.Warning);

    /// <summary>APG0007. Reported when the whole compilation is known.</summary>
    public static readonly DiagnosticDescriptor DuplicateTaskType = Create(
        DiagnosticIds.DuplicateTaskType,
        "Task type is served by two plugins",
        "Task type '{0}' is served by both '{1}' and '{2}'; give one of them another task type",
        Authoring,
        DiagnosticSeverity.Error,
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>APG0008.</summary>
    public static readonly DiagnosticDescriptor InvalidTaskType = Create(
        DiagnosticIds.InvalidTaskType,
        "Task type is missing or invalid",
        "Plugin '{0}' {1}; pass one or more non-empty task types, for example [AsyncPlugin(\"warehouse_query\")]",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0009.</summary>
    public static readonly DiagnosticDescriptor ConfigValueOutOfRange = Create(
        DiagnosticIds.ConfigValueOutOfRange,
        "Configuration value outside Flyte's range",
        "{0} is {1}, but Flyte accepts only {2}; choose a value within that range",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0010.</summary>
    public static readonly DiagnosticDescriptor UnmappedEnumState = Create(
        DiagnosticIds.UnmappedEnumState,
        "State has no phase mapping",
        "State '{0}' of '{1}' has no [Phase] mapping and plugin '{2}' has no [DefaultPhase], so a task in that state would fail with UnmappedState; map it with [Phase(TaskPhase...)] or add [DefaultPhase] to the plugin",
        Authoring,
        DiagnosticSeverity.Warning);

    /// <summary>APG0011.</summary>
    public static readonly DiagnosticDescriptor StringStatesWithoutDefault = Create(
        DiagnosticIds.StringStatesWithoutDefault,
        "String states have no default phase",
        "Plugin '{0}' maps string states but has no [DefaultPhase], so any state the service adds later fails the task with UnmappedState; add [DefaultPhase(TaskPhase...)] for states not listed",
        Authoring,
        DiagnosticSeverity.Warning);

    /// <summary>APG0012.</summary>
    public static readonly DiagnosticDescriptor NoStatusSource = Create(
        DiagnosticIds.NoStatusSource,
        "Plugin cannot compute Status",
        "Plugin '{0}' cannot compute Status: mark the member of '{1}' that holds the state with [PhaseSource], or write 'public static PhaseInfo Status({1} resource)'",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0013.</summary>
    public static readonly DiagnosticDescriptor InvalidPhaseSource = Create(
        DiagnosticIds.InvalidPhaseSource,
        "Phase source is not usable",
        "'{0}' cannot supply the phase of plugin '{1}': {2}",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0014.</summary>
    public static readonly DiagnosticDescriptor ResourceMetaNotSerializable = Create(
        DiagnosticIds.ResourceMetaNotSerializable,
        "ResourceMeta cannot be serialized",
        "ResourceMeta type '{0}' of plugin '{1}' cannot be serialized by the host: {2}; use a record of serializable values such as strings and numbers",
        Authoring,
        DiagnosticSeverity.Warning);

    /// <summary>APG0015. An error: a mapping that is ignored or contradicts another means Status does not do what the code says (and one the generator cannot use leaves the plugin unimplemented).</summary>
    public static readonly DiagnosticDescriptor InvalidPhaseMapping = Create(
        DiagnosticIds.InvalidPhaseMapping,
        "Phase mapping is ignored or contradictory",
        "{0}",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>APG0017.</summary>
    public static readonly DiagnosticDescriptor NullResourceMeta = Create(
        DiagnosticIds.NullResourceMeta,
        "Create returns a null ResourceMeta",
        "Create of plugin '{0}' returns a null ResourceMeta, so the host has nothing to Get, Delete or store and the task fails; return the meta that identifies the remote job",
        Authoring,
        DiagnosticSeverity.Warning);

    /// <summary>APG0018. A warning: the plugin is still generated and its phases are right; they only lack the details.</summary>
    public static readonly DiagnosticDescriptor IgnoredTaskInfoSource = Create(
        DiagnosticIds.IgnoredTaskInfoSource,
        "Task info source is ignored",
        "[TaskInfoSource] on '{0}' is ignored by plugin '{1}': {2}",
        Authoring,
        DiagnosticSeverity.Warning);

    /// <summary>APG1001.</summary>
    public static readonly DiagnosticDescriptor NetworkCallInStatus = Create(
        DiagnosticIds.NetworkCallInStatus,
        "Status calls the network",
        "Status must not call the network, but it reaches {0} ({1}); do the call in Get and keep what Status needs on the resource",
        HotPath,
        DiagnosticSeverity.Error);

    /// <summary>APG1002.</summary>
    public static readonly DiagnosticDescriptor BlockingCallInStatus = Create(
        DiagnosticIds.BlockingCallInStatus,
        "Status blocks",
        "Status must not block, but it reaches {0} ({1}); Status runs for every task on every poll, so compute the phase from the resource alone",
        HotPath,
        DiagnosticSeverity.Warning);

    /// <summary>APG1003.</summary>
    public static readonly DiagnosticDescriptor AllocationInStatus = Create(
        DiagnosticIds.AllocationInStatus,
        "Status allocates",
        "Status allocates: {0} ({1}); Status runs for every task on every poll, so return constants or strings the resource already holds",
        HotPath,
        DiagnosticSeverity.Warning);

    /// <summary>APG1004.</summary>
    public static readonly DiagnosticDescriptor AsyncStatus = Create(
        DiagnosticIds.AsyncStatus,
        "Status must be synchronous",
        "Status '{0}' {1}; Status must return PhaseInfo synchronously, so move asynchronous work to Get",
        HotPath,
        DiagnosticSeverity.Error);

    /// <summary>APG1005. Reported only with <c>asyncplugingen.status.unknown_calls = pessimistic</c> (strict mode).</summary>
    public static readonly DiagnosticDescriptor UncheckedCallInStatus = Create(
        DiagnosticIds.UncheckedCallInStatus,
        "Status calls a member that cannot be checked",
        "Status reaches {0}, which cannot be checked for network calls ({1}); if it does no I/O, mark it [AllowInStatus(\"why\")] or list '{2}' in asyncplugingen.status.allowed_members",
        HotPath,
        DiagnosticSeverity.Warning);

    /// <summary>APG1006.</summary>
    public static readonly DiagnosticDescriptor StatusCheckIncomplete = Create(
        DiagnosticIds.StatusCheckIncomplete,
        "The Status check stopped before the end of a call chain",
        "The Status check did not look past {0} ({1}); what that call reaches was not checked for network calls, blocking or allocations; {2}",
        HotPath,
        DiagnosticSeverity.Info);

    /// <summary>APG0016.</summary>
    public static readonly DiagnosticDescriptor InvalidRegistrationName = Create(
        DiagnosticIds.InvalidRegistrationName,
        "Registration name is not a valid C# identifier",
        "{0} \"{1}\" is not a valid C# identifier, so the generator ignores it and keeps the default name; use letters, digits and underscores, not starting with a digit, and not a keyword",
        Authoring,
        DiagnosticSeverity.Error);

    /// <summary>Every descriptor, for tests and documentation checks.</summary>
    public static readonly DiagnosticDescriptor[] All =
    {
        PluginNotPartial, UnsupportedPluginDeclaration, MissingHandler, UnusableHandlerSignature, AmbiguousHandlers,
        MissingDelete, DuplicateTaskType, InvalidTaskType, ConfigValueOutOfRange, UnmappedEnumState,
        StringStatesWithoutDefault, NoStatusSource, InvalidPhaseSource, ResourceMetaNotSerializable, InvalidPhaseMapping,
        InvalidRegistrationName, NullResourceMeta, IgnoredTaskInfoSource, NetworkCallInStatus, BlockingCallInStatus, AllocationInStatus, AsyncStatus,
        UncheckedCallInStatus, StatusCheckIncomplete,
    };

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md", customTags: tags);
}
