using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// The Status hot-path rules (APG1001–APG1006). Status runs for every in-flight task on every poll, so it must not
/// reach the network, block, allocate, or be asynchronous. Calls are followed into helpers declared in this
/// compilation (through the implementations and overrides declared here, and delegates whose source is known), to
/// <c>asyncplugingen.status.max_depth</c> levels, through memoized per-compilation summaries; where that stops, APG1006
/// says so, and in strict mode APG1005 names every call that cannot be checked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StatusHotPathAnalyzer : DiagnosticAnalyzer
{
    private const string StatusName = "Status";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.NetworkCallInStatus,
        Descriptors.BlockingCallInStatus,
        Descriptors.AllocationInStatus,
        Descriptors.AsyncStatus,
        Descriptors.UncheckedCallInStatus,
        Descriptors.StatusCheckIncomplete);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var state = HotPathCompilation.TryCreate(start.Compilation);
            if (state is null)
            {
                // No AsyncPluginGen runtime, no plugins: nothing to do, nothing resolved.
                return;
            }

            // A code block, not an operation block: operation blocks make the driver build an IOperation tree for every
            // method of the compilation, where only Status (and the helpers it calls) needs one.
            start.RegisterCodeBlockAction(block => AnalyzeStatusBody(block, state));
            start.RegisterSymbolAction(symbol => AsyncStatusCheck.Analyze(symbol, state), SymbolKind.Method);
        });
    }

    private static void AnalyzeStatusBody(CodeBlockAnalysisContext context, HotPathCompilation state)
    {
        // The name test first: it rejects almost every method without touching attributes or interfaces.
        if (context.OwningSymbol is not IMethodSymbol method
            || !(method.Name == StatusName || method.Name.EndsWith("." + StatusName, System.StringComparison.Ordinal))
            || !StatusMethods.IsStatus(method, state))
        {
            return;
        }

        // Only bodies: parameter defaults are constants, and attribute arguments do not run on the hot path.
        var root = context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken);
        if (root is not { Kind: OperationKind.MethodBody or OperationKind.Block })
        {
            return;
        }

        var options = StatusAnalysisOptions.Read(context.Options, context.CodeBlock.SyntaxTree);
        var session = new AnalysisSession(state, state.CacheFor(options), context.CancellationToken);
        var sink = new StatusSink(context.ReportDiagnostic, StatusName, options.MaxDepth);
        var walker = new HotPathWalker(session, method, options.MaxDepth, sink);
        session.Enter(method.OriginalDefinition);
        walker.Walk(root);
    }
}
