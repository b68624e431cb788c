using System.Collections.Immutable;
using System.Linq;
using AsyncPluginGen.Generators.Emitting;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
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
        public const string AsyncPlugins = nameof(AsyncPlugins);
        public const string SyncPlugins = nameof(SyncPlugins);
        public const string RegistryInputs = nameof(RegistryInputs);
        public const string Registry = nameof(Registry);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var asyncPlugins = Plugins(context, KnownNames.AsyncPluginAttribute, isSync: false, Steps.AsyncPlugins);
        var syncPlugins = Plugins(context, KnownNames.SyncPluginAttribute, isSync: true, Steps.SyncPlugins);

        context.RegisterSourceOutput(asyncPlugins, static (spc, model) => AddPlugin(spc, model));
        context.RegisterSourceOutput(syncPlugins, static (spc, model) => AddPlugin(spc, model));

        var assembly = context.CompilationProvider
            .Select(static (compilation, _) => (
                Name: compilation.AssemblyName ?? "Plugins",
                HasDependencyInjection: compilation.GetTypeByMetadataName(KnownNames.DependencyInjectionServiceCollection) is not null));

        var registry = asyncPlugins
            .Select(static (model, _) => new RegistryEntryModel(model.FullyQualifiedName, model.TaskTypes))
            .Collect()
            .Combine(syncPlugins.Select(static (model, _) => new RegistryEntryModel(model.FullyQualifiedName, model.TaskTypes)).Collect())
            .WithTrackingName(Steps.RegistryInputs)
            .Combine(assembly)
            .Select(static (input, _) => BuildRegistry(input.Left.Left, input.Left.Right, input.Right.Name, input.Right.HasDependencyInjection))
            .WithTrackingName(Steps.Registry);

        context.RegisterSourceOutput(registry, static (spc, model) =>
        {
            if (model.Entries.Count > 0)
            {
                spc.AddSource("AsyncPluginGen.PluginRegistry.g.cs", SourceText.From(RegistryEmitter.Emit(model), System.Text.Encoding.UTF8));
            }
        });
    }

    private static IncrementalValuesProvider<PluginModel> Plugins(
        IncrementalGeneratorInitializationContext context, string attribute, bool isSync, string stepName) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is TypeDeclarationSyntax,
                (ctx, ct) => PluginParser.Parse(ctx, isSync, ct))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(stepName);

    private static void AddPlugin(SourceProductionContext context, PluginModel model) =>
        context.AddSource(model.MetadataName + ".g.cs", SourceText.From(PluginEmitter.Emit(model), System.Text.Encoding.UTF8));

    private static RegistryModel BuildRegistry(
        ImmutableArray<RegistryEntryModel> asyncEntries,
        ImmutableArray<RegistryEntryModel> syncEntries,
        string assemblyName,
        bool hasDependencyInjection)
    {
        // Ordinal order, whatever order the files were parsed in, so the output is deterministic.
        var entries = asyncEntries.Concat(syncEntries)
            .OrderBy(static e => e.FullyQualifiedName, System.StringComparer.Ordinal)
            .ToEquatableArray();
        return new RegistryModel(assemblyName, RegistryEmitter.TypePrefix(assemblyName), hasDependencyInjection, entries);
    }
}
