using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// The runtime and BCL types the inspection recognises, looked up once per compilation so that every check compares
/// symbols (a user type named <c>PhaseInfo</c> in another namespace is not the runtime's) instead of display strings.
/// A type the compilation does not have is null, and nothing matches it.
/// </summary>
internal sealed class KnownTypes
{
    // Weak on the compilation: the entry (and the symbols it holds) goes when the compilation does.
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new();

    private KnownTypes(Compilation compilation)
    {
        INamedTypeSymbol? Get(string metadataName) => compilation.GetTypeByMetadataName(metadataName);
        AsyncPluginAttribute = Get(Parsing.KnownNames.AsyncPluginAttribute);
        SyncPluginAttribute = Get(Parsing.KnownNames.SyncPluginAttribute);
        RateLimitsAttribute = Get(Parsing.KnownNames.RateLimitsAttribute);
        CachingAttribute = Get(Parsing.KnownNames.CachingAttribute);
        ResourceQuotaAttribute = Get(Parsing.KnownNames.ResourceQuotaAttribute);
        PhaseSourceAttribute = Get(Parsing.KnownNames.PhaseSourceAttribute);
        PhaseMessageAttribute = Get(Parsing.KnownNames.PhaseMessageAttribute);
        TaskInfoSourceAttribute = Get(Parsing.KnownNames.TaskInfoSourceAttribute);
        PhaseAttribute = Get(Parsing.KnownNames.PhaseAttribute);
        PhaseMappingAttribute = Get(Parsing.KnownNames.PhaseMappingAttribute);
        DefaultPhaseAttribute = Get(Parsing.KnownNames.DefaultPhaseAttribute);
        PluginInterface = Get(Parsing.KnownNames.PluginInterface);
        MetaSerializerProvider = Get("AsyncPluginGen.IResourceMetaSerializerProvider`1");
        TaskContext = Get("AsyncPluginGen.TaskContext");
        PhaseInfo = Get("AsyncPluginGen.PhaseInfo");
        TaskInfo = Get("AsyncPluginGen.TaskInfo");
        Created = Get("AsyncPluginGen.Created`2");
        DeleteReason = Get("AsyncPluginGen.DeleteReason");
        StatusContext = Get("AsyncPluginGen.StatusContext`2");
        ResourceRequirements = Get("AsyncPluginGen.ResourceRequirements");
        TaskPhase = Get("AsyncPluginGen.TaskPhase");
        CancellationToken = Get("System.Threading.CancellationToken");
        Task = Get("System.Threading.Tasks.Task");
        TaskOfT = Get("System.Threading.Tasks.Task`1");
        ValueTask = Get("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = Get("System.Threading.Tasks.ValueTask`1");
        ObsoleteAttribute = Get("System.ObsoleteAttribute");
        ExperimentalAttribute = Get("System.Diagnostics.CodeAnalysis.ExperimentalAttribute");
        SetsRequiredMembersAttribute = Get("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
        CompilerGeneratedAttribute = Get("System.Runtime.CompilerServices.CompilerGeneratedAttribute");
        JsonIgnoreAttribute = Get("System.Text.Json.Serialization.JsonIgnoreAttribute");
        JsonConstructorAttribute = Get("System.Text.Json.Serialization.JsonConstructorAttribute");
        Guid = Get("System.Guid");
        DateTimeOffset = Get("System.DateTimeOffset");
        TimeSpan = Get("System.TimeSpan");
        Uri = Get("System.Uri");
        ListOfT = Get("System.Collections.Generic.List`1");
        ImmutableArrayOfT = Get("System.Collections.Immutable.ImmutableArray`1");
        DictionaryOfT = Get("System.Collections.Generic.Dictionary`2");
        IReadOnlyDictionaryOfT = Get("System.Collections.Generic.IReadOnlyDictionary`2");
        IAsyncDisposable = Get("System.IAsyncDisposable");
        Thread = Get("System.Threading.Thread");
        LiveObjects = new[]
        {
            Task, TaskOfT, ValueTask, ValueTaskOfT, CancellationToken,
            Get("System.IO.Stream"), Get("System.Net.Http.HttpClient"), Get("System.Net.Http.HttpResponseMessage"), Get("System.Type"),
            Special(SpecialType.System_IntPtr), Special(SpecialType.System_UIntPtr), Get("System.IServiceProvider"), Thread,
        }.Where(t => t is not null).Select(t => t!).ToImmutableArray();

        // A special type the compilation lacks comes back as an error type; like a missing one, it matches nothing.
        INamedTypeSymbol? Special(SpecialType type) => compilation.GetSpecialType(type) is { TypeKind: not TypeKind.Error } found ? found : null;
    }

    /// <summary>
    /// The types of <paramref name="compilation"/>, resolved once per compilation: the generator inspects every plugin
    /// class of a compilation separately, and each lookup scans every referenced assembly.
    /// </summary>
    public static KnownTypes From(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownTypes(c));

    /// <summary>What the attributes of referenced assemblies' symbols say about using them, read once per compilation (see <see cref="Parsing.UsageScanner"/>).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<ISymbol, Parsing.UsageMarks> MetadataUsage { get; } = new(SymbolEqualityComparer.Default);

    public INamedTypeSymbol? AsyncPluginAttribute { get; }

    public INamedTypeSymbol? SyncPluginAttribute { get; }

    public INamedTypeSymbol? RateLimitsAttribute { get; }

    public INamedTypeSymbol? CachingAttribute { get; }

    public INamedTypeSymbol? ResourceQuotaAttribute { get; }

    public INamedTypeSymbol? PhaseSourceAttribute { get; }

    public INamedTypeSymbol? PhaseMessageAttribute { get; }

    public INamedTypeSymbol? TaskInfoSourceAttribute { get; }

    public INamedTypeSymbol? PhaseAttribute { get; }

    public INamedTypeSymbol? PhaseMappingAttribute { get; }

    public INamedTypeSymbol? DefaultPhaseAttribute { get; }

    public INamedTypeSymbol? PluginInterface { get; }

    public INamedTypeSymbol? MetaSerializerProvider { get; }

    public INamedTypeSymbol? TaskContext { get; }

    public INamedTypeSymbol? PhaseInfo { get; }

    public INamedTypeSymbol? TaskInfo { get; }

    public INamedTypeSymbol? Created { get; }

    public INamedTypeSymbol? DeleteReason { get; }

    public INamedTypeSymbol? StatusContext { get; }

    public INamedTypeSymbol? ResourceRequirements { get; }

    public INamedTypeSymbol? TaskPhase { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? ObsoleteAttribute { get; }

    public INamedTypeSymbol? ExperimentalAttribute { get; }

    public INamedTypeSymbol? SetsRequiredMembersAttribute { get; }

    public INamedTypeSymbol? CompilerGeneratedAttribute { get; }

    public INamedTypeSymbol? JsonIgnoreAttribute { get; }

    public INamedTypeSymbol? JsonConstructorAttribute { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? ListOfT { get; }

    public INamedTypeSymbol? ImmutableArrayOfT { get; }

    public INamedTypeSymbol? DictionaryOfT { get; }

    public INamedTypeSymbol? IReadOnlyDictionaryOfT { get; }

    public INamedTypeSymbol? IAsyncDisposable { get; }

    public INamedTypeSymbol? Thread { get; }

    /// <summary>Types that hold a live resource rather than data (a ResourceMeta must not hold one); those the compilation has.</summary>
    public ImmutableArray<INamedTypeSymbol> LiveObjects { get; }

    /// <summary>Whether <paramref name="type"/> is <paramref name="known"/>, or a construction of it when it is generic.</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    /// <summary>The first attribute of the known class on <paramref name="symbol"/>, or null.</summary>
    public static AttributeData? Attribute(ISymbol symbol, INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, attributeClass))
            {
                return attribute;
            }
        }

        return null;
    }

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeClass) => Attribute(symbol, attributeClass) is not null;

    /// <summary>Every attribute of the known class on <paramref name="symbol"/>, in source order.</summary>
    public static System.Collections.Generic.IEnumerable<AttributeData> Attributes(ISymbol symbol, INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            yield break;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, attributeClass))
            {
                yield return attribute;
            }
        }
    }

    public bool IsPluginAttribute(INamedTypeSymbol? attributeClass) => Is(attributeClass, AsyncPluginAttribute) || Is(attributeClass, SyncPluginAttribute);

    /// <summary>Whether the type carries [AsyncPlugin] or [SyncPlugin].</summary>
    public bool IsPlugin(ISymbol type) => HasAttribute(type, AsyncPluginAttribute) || HasAttribute(type, SyncPluginAttribute);
}
