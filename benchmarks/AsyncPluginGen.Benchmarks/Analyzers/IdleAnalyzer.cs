using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Benchmarks.Analyzers;

// Never shipped nor loaded by a compiler: passed to CompilationWithAnalyzers in this process only.
#pragma warning disable RS1036, RS1041, RS2008

/// <summary>
/// Registers one symbol action that returns at once: what any analyzer costs through the analyzer driver (the
/// compilation's events, the semantic models and declarations it hands out) before it does any work of its own. The
/// floor under the APG analyzers' overhead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class IdleAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("IDLE0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType);
    }
}
