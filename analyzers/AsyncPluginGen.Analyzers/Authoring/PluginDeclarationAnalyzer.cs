using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// Validates [AsyncPlugin] and [SyncPlugin] classes as the author types (APG0001–APG0015): everything the
/// generator needs to implement the plugin, explained where the generator stays silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PluginDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PluginNotPartial,
        Descriptors.UnsupportedPluginDeclaration,
        Descriptors.MissingHandler,
        Descriptors.UnusableHandlerSignature,
        Descriptors.AmbiguousHandlers,
        Descriptors.MissingDelete,
        Descriptors.DuplicateTaskType,
        Descriptors.InvalidTaskType,
        Descriptors.ConfigValueOutOfRange,
        Descriptors.UnmappedEnumState,
        Descriptors.StringStatesWithoutDefault,
        Descriptors.NoStatusSource,
        Descriptors.InvalidPhaseSource,
        Descriptors.ResourceMetaNotSerializable,
        Descriptors.InvalidPhaseMapping);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Nothing to check in a compilation that does not reference the runtime.
            if (start.Compilation.GetTypeByMetadataName(KnownNames.AsyncPluginAttribute) is null)
            {
                return;
            }

            var claims = new ConcurrentBag<TaskTypeClaim>();
            var enums = new PhaseEnumIndex(start.Compilation);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, claims, enums), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => TaskTypeChecks.ReportDuplicates(end, claims));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ConcurrentBag<TaskTypeClaim> claims, PhaseEnumIndex enums)
    {
        if (context.Symbol is not INamedTypeSymbol type)
        {
            return;
        }

        // State enums are checked on their own, so their diagnostics are local to the enum (and its fixes work live).
        // Only an enum with a [Phase] member, or one a plugin maps, costs the one-time index.
        if (type.TypeKind == TypeKind.Enum)
        {
            if (type.GetMembers().Any(m => m.HasAttribute(KnownNames.PhaseAttribute)) || type.Locations.Any(l => l.IsInSource))
            {
                EnumStateChecks.Check(type, enums.UsersOf(type), (descriptor, location, arguments) =>
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments)));
            }

            return;
        }

        var attribute = type.GetAttributes().FirstOrDefault(a =>
            a.AttributeClass?.ToDisplayString() is KnownNames.AsyncPluginAttribute or KnownNames.SyncPluginAttribute);
        if (attribute is null)
        {
            return;
        }

        var plugin = new PluginUnderAnalysis(type, attribute, context);
        if (!PluginClassChecks.Check(plugin))
        {
            return;
        }

        TaskTypeChecks.Check(plugin, claims);
        ConfigurationChecks.Check(plugin);
        HandlerChecks.Check(plugin);
    }
}
