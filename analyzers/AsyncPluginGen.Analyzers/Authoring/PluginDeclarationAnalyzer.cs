using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// Validates [AsyncPlugin] and [SyncPlugin] classes as the author types (APG0001–APG0015). The rules are the
/// generator's own inspection (<see cref="PluginInspector"/>): this reports the problems it finds, exactly where the
/// generator stays silent.
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
        Descriptors.InvalidPhaseMapping,
        Descriptors.IgnoredTaskInfoSource);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Nothing to check in a compilation that does not reference the runtime.
            var known = KnownTypes.From(start.Compilation);
            if (known.AsyncPluginAttribute is null)
            {
                return;
            }

            var claims = new ConcurrentBag<TaskTypeClaim>();
            var enums = new PhaseEnumIndex(start.Compilation, known);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, known, claims, enums), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => TaskTypeChecks.ReportDuplicates(end, claims));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownTypes known, ConcurrentBag<TaskTypeClaim> claims, PhaseEnumIndex enums)
    {
        if (context.Symbol is not INamedTypeSymbol type)
        {
            return;
        }

        // State enums are checked on their own, so their diagnostics are local to the enum (and its fixes work live).
        // Only an enum with a [Phase] member, or one a plugin maps, costs the one-time index.
        if (type.TypeKind == TypeKind.Enum)
        {
            if (type.GetMembers().Any(m => KnownTypes.HasAttribute(m, known.PhaseAttribute)) || type.Locations.Any(l => l.IsInSource))
            {
                AnalyzeEnum(context, type, known, enums);
            }

            return;
        }

        var attribute = type.GetAttributes().FirstOrDefault(a => known.IsPluginAttribute(a.AttributeClass));
        if (attribute is null)
        {
            return;
        }

        var target = new PluginTarget(type, attribute, KnownTypes.Is(attribute.AttributeClass, known.SyncPluginAttribute), known, context.Compilation, context.CancellationToken);
        var problems = Problems.Collect();
        var inspection = PluginInspector.Inspect(target, problems);
        ProblemReporter.Report(problems.All, context.ReportDiagnostic);
        foreach (var taskType in inspection.ClaimedTaskTypes)
        {
            claims.Add(new TaskTypeClaim(taskType, type.Name, type.ToTypeName(), target.AttributeLocation));
        }
    }

    private static void AnalyzeEnum(SymbolAnalysisContext context, INamedTypeSymbol enumType, KnownTypes known, PhaseEnumIndex enums)
    {
        var users = enums.UsersOf(enumType);
        if (users.Count == 0)
        {
            return;
        }

        var problems = Problems.Collect();
        EnumStateInspector.Inspect(enumType, known, users.FirstOrDefault(u => !u.HasDefault).Plugin, problems);
        ProblemReporter.Report(problems.All, context.ReportDiagnostic);
    }
}
