using System.Collections.Immutable;
using System.Linq;
using AsyncPluginGen.Generators.Emitting;
using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
using AsyncPluginGen.Generators.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AsyncPluginGen.Generators;

/// <summary>
/// Implements the plugin contract for every [AsyncPlugin] and [SyncPlugin] class, and emits the assembly's
/// plugin registry. Invalid declarations are skipped without diagnostics: the analyzers report them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AsyncPluginGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, asserted by the incremental tests.</summary>
    internal static class Steps
    {
        public const string Declarations = nameof(Declarations);
        public const string Plugins = nameof(Plugins);
        public const string PluginFiles = nameof(PluginFiles);
        public const string AsyncPlugins = nameof(AsyncPlugins);
        public const string SyncPlugins = nameof(SyncPlugins);
        public const string RegistryInputs = nameof(RegistryInputs);
        public const string Registry = nameof(Registry);
        public const string HintClashes = nameof(HintClashes);
        public const string MetaSerializers = nameof(MetaSerializers);
        public const string Assembly = nameof(Assembly);
        public const string RegistrationNames = nameof(RegistrationNames);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The plugins are inspected behind a gate: only when some declaration may have changed (see DeclarationSnapshot),
        // not on every keystroke in a method body. Each file, then each plugin, is its own item, so unchanged plugins'
        // outputs stay cached (items are compared by position: a plugin added to one file shifts only that file's).
        var pluginFiles = context.CompilationProvider
            .Select(static (compilation, _) => DeclarationSnapshot.Of(compilation))
            .WithComparer(DeclarationSnapshot.Comparer)
            .WithTrackingName(Steps.Declarations)
            .Select(static (snapshot, ct) => PluginDiscovery.Inspect(snapshot, ct))
            .WithTrackingName(Steps.Plugins)
            .SelectMany(static (found, _) => found.Files)
            .WithTrackingName(Steps.PluginFiles);
        var asyncPlugins = pluginFiles.SelectMany(static (file, _) => file.Async).WithTrackingName(Steps.AsyncPlugins);
        var syncPlugins = pluginFiles.SelectMany(static (file, _) => file.Sync).WithTrackingName(Steps.SyncPlugins);

        // Hint names are compared ignoring case, and must not collide with the registry's: the few plugins whose
        // names collide get a suffix. Only this small set is shared, so other plugins' outputs stay cached.
        // The serializer files' names take part, since a plugin named X.ResourceMetaSerializer would otherwise share one.
        var hintClashes = asyncPlugins.Select(static (m, _) => m.MetadataName).Collect()
            .Combine(syncPlugins.Select(static (m, _) => m.MetadataName).Collect())
            .Select(static (names, _) => HintNames.FindClashes(
                names.Left.Concat(names.Right).Concat(names.Left.Select(MetaSerializerHintName)), RegistryHintName))
            .WithTrackingName(Steps.HintClashes);

        context.RegisterSourceOutput(asyncPlugins.Combine(hintClashes), static (spc, input) => AddPlugin(spc, input.Left, input.Right));
        context.RegisterSourceOutput(syncPlugins.Combine(hintClashes), static (spc, input) => AddPlugin(spc, input.Left, input.Right));

        // The ResourceMeta serializer is its own output, fed by its own small model: editing a plugin's handlers or
        // mapping leaves it cached, and editing the meta leaves the plugin's main file as it was.
        var metaSerializers = asyncPlugins
            .SelectMany(static (m, _) => m.Handlers is AsyncHandlersModel { MetaCodec: { } codec } handlers
                ? ImmutableArray.Create(new MetaSerializerModel(m.Namespace, m.ClassName, m.TypeKeyword, m.MetadataName, handlers.MetaType, codec))
                : ImmutableArray<MetaSerializerModel>.Empty)
            .WithTrackingName(Steps.MetaSerializers);
        context.RegisterSourceOutput(metaSerializers.Combine(hintClashes), static (spc, input) => spc.AddSource(
            HintNames.For(MetaSerializerHintName(input.Left.MetadataName), input.Right) + ".g.cs",
            SourceText.From(MetaSerializerEmitter.Emit(input.Left), System.Text.Encoding.UTF8)));

        var assembly = context.CompilationProvider
            .Select(static (compilation, _) => DescribeAssembly(compilation))
            .WithTrackingName(Steps.Assembly);

        // [assembly: PluginRegistration] is found by its attribute, so the step reruns only when that attribute's
        // syntax changes; the value is an equatable pair of names.
        var registrationNames = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PluginRegistrationAttribute,
                static (node, _) => node is CompilationUnitSyntax,
                static (ctx, _) => ctx.Attributes.Length > 0 ? RegistrationNamesParser.Parse(ctx.Attributes[0]) : RegistrationNamesModel.Default)
            .Collect()
            .Select(static (names, _) => names.FirstOrDefault() ?? RegistrationNamesModel.Default)
            .WithTrackingName(Steps.RegistrationNames);

        var registry = asyncPlugins.Select(static (model, _) => ToRegistryEntry(model))
            .Collect()
            .Combine(syncPlugins.Select(static (model, _) => ToRegistryEntry(model)).Collect())
            .WithTrackingName(Steps.RegistryInputs)
            .Combine(assembly.Combine(registrationNames))
            .Select(static (input, _) => BuildRegistry(input.Left.Left, input.Left.Right, input.Right.Left, input.Right.Right))
            .WithTrackingName(Steps.Registry);

        context.RegisterSourceOutput(registry, static (spc, model) =>
        {
            if (model.Entries.Count > 0 && model.CanDeclareRegistry)
            {
                spc.AddSource(RegistryHintName + ".g.cs", SourceText.From(RegistryEmitter.Emit(model), System.Text.Encoding.UTF8));
            }
        });
    }

    private const string RegistryHintName = "AsyncPluginGen.PluginRegistry";

    private static string MetaSerializerHintName(string pluginMetadataName) => pluginMetadataName + ".ResourceMetaSerializer";

    private static void AddPlugin(SourceProductionContext context, PluginModel model, EquatableArray<string> hintClashes) =>
        context.AddSource(HintNames.For(model.MetadataName, hintClashes) + ".g.cs", SourceText.From(PluginEmitter.Emit(model), System.Text.Encoding.UTF8));

    private static RegistryEntryModel ToRegistryEntry(PluginModel model) =>
        new(model.FullyQualifiedName, model.Id, model.TaskTypes, model.ExperimentalDiagnostics);

    /// <summary>
    /// The registry lives in <c>AsyncPluginGen.Generated</c> and the DI method in <c>Microsoft.Extensions.DependencyInjection</c>;
    /// a type of this assembly with one of those names would make those namespace declarations invalid.
    /// </summary>
    private static AssemblyModel DescribeAssembly(Compilation compilation)
    {
        bool Declares(string metadataName) => compilation.Assembly.GetTypeByMetadataName(metadataName) is not null;
        return new AssemblyModel(
            compilation.AssemblyName ?? "Plugins",
            !Declares("AsyncPluginGen.Generated"),
            compilation.GetTypeByMetadataName(KnownNames.DependencyInjectionServiceCollection) is not null
                && !Declares("Microsoft") && !Declares("Microsoft.Extensions") && !Declares("Microsoft.Extensions.DependencyInjection"));
    }

    private static RegistryModel BuildRegistry(
        ImmutableArray<RegistryEntryModel> asyncEntries,
        ImmutableArray<RegistryEntryModel> syncEntries,
        AssemblyModel assembly,
        RegistrationNamesModel names)
    {
        // Ordinal order, whatever order the files were parsed in, so the output is deterministic.
        var entries = asyncEntries.Concat(syncEntries)
            .OrderBy(static e => e.FullyQualifiedName, System.StringComparer.Ordinal)
            .ToEquatableArray();
        var prefix = RegistryEmitter.TypePrefix(assembly.Name);
        return new RegistryModel(
            assembly.Name,
            prefix,
            assembly.CanDeclareRegistry,
            assembly.CanDeclareServiceCollectionExtensions,
            names.ClassName ?? RegistryEmitter.DefaultExtensionClassName(prefix),
            names.MethodName ?? RegistryEmitter.DefaultMethodName(prefix),
            entries);
    }
}
