using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AsyncPluginGen.Analyzers.HotPath;
using AsyncPluginGen.Generators.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncPluginGen.Analyzers.CodeFixes;

/// <summary>
/// APG1002: removes a <c>Thread.Sleep(...)</c> statement written directly in Status. Offered only when the analyzer
/// says the blocking call is a Thread.Sleep in Status itself ("Kind" = "ThreadSleep") and the call is a statement of
/// a block, so that removing it leaves valid code; other blocking calls need a redesign, not a deletion.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveThreadSleepCodeFix))]
[Shared]
public sealed class RemoveThreadSleepCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across releases.</summary>
    public const string EquivalenceKey = DiagnosticIds.BlockingCallInStatus + ".RemoveThreadSleep";

    // The analyzer's contract, by its own constants: "Kind" is "ThreadSleep" for a Thread.Sleep in Status itself.
    private const string KindProperty = StatusSink.KindProperty;
    private const string ThreadSleep = BlockingKinds.ThreadSleep;

    private const string Title = "Remove the Thread.Sleep call from Status";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BlockingCallInStatus);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var thread = KnownTypes.From(model.Compilation).Thread;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(KindProperty, out var kind) || kind != ThreadSleep)
            {
                continue;
            }

            var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation?.Parent is not ExpressionStatementSyntax { Parent: BlockSyntax } statement
                || !IsThreadSleep(model, thread, invocation, context.CancellationToken))
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(Title, ct => RemoveAsync(context.Document, statement, ct), EquivalenceKey), diagnostic);
        }
    }

    private static bool IsThreadSleep(SemanticModel model, INamedTypeSymbol? thread, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "Sleep", ContainingType: { } type }
        && KnownTypes.Is(type, thread);

    private static async Task<Document> RemoveAsync(Document document, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || statement.Parent is not BlockSyntax block)
        {
            return document;
        }

        // The statement's own line goes, with a comment at its end. Lines above it that belong to its leading trivia
        // (comments, directives, blank lines) stay, moved to whatever now follows.
        var leading = statement.GetLeadingTrivia();
        var lastLineBreak = -1;
        for (var i = leading.Count - 1; i >= 0; i--)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].HasStructure)
            {
                lastLineBreak = i;
                break;
            }
        }

        var kept = SyntaxFactory.TriviaList(leading.Take(lastLineBreak + 1));
        var index = block.Statements.IndexOf(statement);
        var statements = block.Statements.RemoveAt(index);
        var isLast = index == statements.Count;
        if (kept.All(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia)) && isLast)
        {
            kept = SyntaxFactory.TriviaList(); // Only a blank line before a closing brace: drop it too.
        }

        BlockSyntax updated;
        if (isLast)
        {
            updated = block.WithStatements(statements).WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia(kept.AddRange(block.CloseBraceToken.LeadingTrivia)));
        }
        else
        {
            var next = statements[index];
            updated = block.WithStatements(statements.Replace(next, next.WithLeadingTrivia(kept.AddRange(next.GetLeadingTrivia()))));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(block, updated));
    }
}
