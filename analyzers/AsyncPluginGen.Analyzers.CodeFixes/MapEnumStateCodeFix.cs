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
/// APG0010: maps an unmapped enum state with <c>[Phase(TaskPhase.X)]</c>, X guessed from the member's name
/// (<see cref="StatePhaseGuess"/>). Fix All maps every unmapped state at once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MapEnumStateCodeFix))]
[Shared]
public sealed class MapEnumStateCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across releases; the same for every guessed phase.</summary>
    public const string EquivalenceKey = DiagnosticIds.UnmappedEnumState + ".AddPhase";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnmappedEnumState);

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
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<EnumMemberDeclarationSyntax>().FirstOrDefault() is not { } member)
            {
                continue;
            }

            var phase = StatePhaseGuess.For(member.Identifier.ValueText);
            context.RegisterCodeFix(
                CodeAction.Create($"Map '{member.Identifier.ValueText}' to TaskPhase.{phase} with [Phase]", ct => AddPhaseAsync(context.Document, member, phase, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddPhaseAsync(Document document, EnumMemberDeclarationSyntax member, string phase, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var attribute = FixSyntax.ParseAttributeList($"global::AsyncPluginGen.Phase(global::AsyncPluginGen.TaskPhase.{phase})");
        var updated = FixSyntax.AddAttributeList(member, attribute, FixSyntax.EndOfLine(root));
        var changed = document.WithSyntaxRoot(root.ReplaceNode(member, updated));
        return await FixSyntax.AddImportsAsync(document, member.SpanStart, changed, cancellationToken, "AsyncPluginGen.PhaseAttribute", "AsyncPluginGen.TaskPhase").ConfigureAwait(false);
    }
}
