namespace AsyncPluginGen.Generators.Parsing;

/// <summary>Metadata names of the runtime types the generator recognises.</summary>
internal static class KnownNames
{
    public const string RuntimeNamespace = "AsyncPluginGen";
    public const string AsyncPluginAttribute = "AsyncPluginGen.AsyncPluginAttribute";
    public const string SyncPluginAttribute = "AsyncPluginGen.SyncPluginAttribute";
    public const string RateLimitsAttribute = "AsyncPluginGen.RateLimitsAttribute";
    public const string CachingAttribute = "AsyncPluginGen.CachingAttribute";
    public const string ResourceQuotaAttribute = "AsyncPluginGen.ResourceQuotaAttribute";
    public const string PhaseSourceAttribute = "AsyncPluginGen.PhaseSourceAttribute";
    public const string PhaseMessageAttribute = "AsyncPluginGen.PhaseMessageAttribute";
    public const string TaskInfoSourceAttribute = "AsyncPluginGen.TaskInfoSourceAttribute";
    public const string PhaseAttribute = "AsyncPluginGen.PhaseAttribute";
    public const string PhaseMappingAttribute = "AsyncPluginGen.PhaseMappingAttribute";
    public const string DefaultPhaseAttribute = "AsyncPluginGen.DefaultPhaseAttribute";
    public const string PluginRegistrationAttribute = "AsyncPluginGen.PluginRegistrationAttribute";
    public const string PluginInterface = "AsyncPluginGen.IPlugin";
    public const string DependencyInjectionServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";

    /// <summary>The nested serializer class the generator adds to an async plugin, and the interface it implements through it.</summary>
    public const string MetaSerializerMember = "AsyncPluginMetaSerializer";
    public const string MetaSerializerProviderInterface = "AsyncPluginGen.IResourceMetaSerializerProvider<TMeta>";

    /// <summary>TaskPhase member names by value; the runtime enum's order.</summary>
    public static readonly string[] TaskPhases =
    {
        "Undefined", "NotReady", "WaitingForResources", "Queued", "Initializing", "Running",
        "Success", "RetryableFailure", "PermanentFailure", "WaitingForCache", "Aborted",
    };
}
