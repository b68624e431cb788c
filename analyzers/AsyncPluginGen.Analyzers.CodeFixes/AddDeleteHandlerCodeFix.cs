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
/// APG0006: adds a <c>DeleteAsync(TMeta meta, DeleteReason reason, CancellationToken cancellationToken)</c> stub
/// that throws until the author writes the cancellation call, after the Get (or Create) handler.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDeleteHandlerCodeFix))]
[Shared]
public sealed class AddDeleteHandlerCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across releases.</summary>
    public const string EquivalenceKey = DiagnosticIds.MissingDelete + ".AddDeleteHandler";

    private const string Title = "Add 'DeleteAsync' handler stub";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingDelete);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.MetaType, out var meta) || string.IsNullOrEmpty(meta)
                || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } declaration)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(Title, ct => AddDeleteAsync(context.Document, declaration, meta!, ct), EquivalenceKey), diagnostic);
        }
    }

    private static async Task<Document> AddDeleteAsync(Document document, TypeDeclarationSyntax declaration, string meta, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var member = FixSyntax.ParseMember(
            $"public global::System.Threading.Tasks.ValueTask DeleteAsync({meta} meta, global::AsyncPluginGen.DeleteReason reason, global::System.Threading.CancellationToken cancellationToken) => throw new global::System.NotImplementedException(\"Cancel the remote job here; succeed if it is already gone.\");");
        var anchor = FindHandler(declaration, "Get") ?? FindHandler(declaration, "Create");
        var updated = FixSyntax.InsertMember(declaration, member, FixSyntax.EndOfLine(root), after: anchor);
        var changed = document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
        return await FixSyntax.AddImportsAsync(
            document,
            declaration.OpenBraceToken.Span.End,
            changed,
            cancellationToken,
            "System.NotImplementedException",
            "System.Threading.CancellationToken",
            "System.Threading.Tasks.ValueTask",
            "AsyncPluginGen.DeleteReason").ConfigureAwait(false);
    }

    private static MethodDeclarationSyntax? FindHandler(TypeDeclarationSyntax declaration, string name) =>
        declaration.Members.OfType<MethodDeclarationSyntax>().LastOrDefault(m => m.Identifier.ValueText == name || m.Identifier.ValueText == name + "Async");
}
