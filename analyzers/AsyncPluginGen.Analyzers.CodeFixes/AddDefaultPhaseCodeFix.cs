using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncPluginGen.Analyzers.CodeFixes;

/// <summary>
/// APG0011: adds <c>[DefaultPhase(TaskPhase.Running)]</c> to the plugin class, so a string state the mappings do
/// not list keeps the task running (with the state as its reason) instead of failing it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDefaultPhaseCodeFix))]
[Shared]
public sealed class AddDefaultPhaseCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across releases.</summary>
    public const string EquivalenceKey = DiagnosticIds.StringStatesWithoutDefault + ".DefaultPhaseRunning";

    private const string Title = "Treat unlisted states as Running (add [DefaultPhase(TaskPhase.Running)])";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.StringStatesWithoutDefault);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // Reported on the [AsyncPlugin] attribute; the attribute goes on the class part that carries it.
            if (root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } declaration)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(Title, ct => AddDefaultPhaseAsync(context.Document, declaration, ct), EquivalenceKey), diagnostic);
        }
    }

    private static async Task<Document> AddDefaultPhaseAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var attribute = FixSyntax.ParseAttributeList("global::AsyncPluginGen.DefaultPhase(global::AsyncPluginGen.TaskPhase.Running)");
        var updated = FixSyntax.AddAttributeList(declaration, attribute, FixSyntax.EndOfLine(root));
        var changed = document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
        return await FixSyntax.AddImportsAsync(document, declaration.SpanStart, changed, cancellationToken, "AsyncPluginGen.DefaultPhaseAttribute", "AsyncPluginGen.TaskPhase").ConfigureAwait(false);
    }
}
