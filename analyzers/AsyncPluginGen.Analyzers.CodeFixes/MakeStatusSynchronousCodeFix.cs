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
/// APG1004: turns <c>async Task&lt;PhaseInfo&gt; Status(...)</c> (or <c>ValueTask&lt;PhaseInfo&gt;</c>) into
/// <c>PhaseInfo Status(...)</c>. Offered only when the analyzer says the method is async and never awaits
/// ("Async" = "true"): its return statements already return PhaseInfo values, so the body compiles unchanged.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeStatusSynchronousCodeFix))]
[Shared]
public sealed class MakeStatusSynchronousCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across releases.</summary>
    public const string EquivalenceKey = DiagnosticIds.AsyncStatus + ".MakeSynchronous";

    /// <summary>The "Async" property of APG1004: "true" when the method is async and contains no await.</summary>
    private const string AsyncProperty = AsyncStatusCheck.AsyncProperty;

    private const string Title = "Make Status synchronous: remove 'async' and return PhaseInfo";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AsyncStatus);

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

        var known = KnownTypes.From(model.Compilation);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(AsyncProperty, out var isAsync) || isAsync != "true"
                || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
                || !method.Modifiers.Any(SyntaxKind.AsyncKeyword)
                || UnwrappedReturnType(model, known, method, context.CancellationToken) is not { } phaseInfo)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create(Title, ct => MakeSynchronousAsync(context.Document, method, phaseInfo, ct), EquivalenceKey), diagnostic);
        }
    }

    /// <summary>The PhaseInfo type argument of a <c>Task&lt;PhaseInfo&gt;</c> or <c>ValueTask&lt;PhaseInfo&gt;</c> return type, as written.</summary>
    private static TypeSyntax? UnwrappedReturnType(SemanticModel model, KnownTypes known, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(method.ReturnType, cancellationToken).Type is not INamedTypeSymbol { TypeArguments.Length: 1 } returnType
            || !(KnownTypes.Is(returnType, known.TaskOfT) || KnownTypes.Is(returnType, known.ValueTaskOfT))
            || !KnownTypes.Is(returnType.TypeArguments[0], known.PhaseInfo))
        {
            return null;
        }

        var generic = method.ReturnType switch
        {
            GenericNameSyntax name => name,
            QualifiedNameSyntax { Right: GenericNameSyntax name } => name,
            AliasQualifiedNameSyntax { Name: GenericNameSyntax name } => name,
            _ => null,
        };
        return generic?.TypeArgumentList.Arguments.Count == 1 ? generic.TypeArgumentList.Arguments[0] : null;
    }

    private static async Task<Document> MakeSynchronousAsync(Document document, MethodDeclarationSyntax method, TypeSyntax phaseInfo, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // The return type keeps the place and trivia of the task type it replaces.
        var updated = method.WithReturnType(phaseInfo.WithTriviaFrom(method.ReturnType));

        // Without 'async', what came before it (indentation, comments) moves to the next modifier or the return type.
        var modifiers = updated.Modifiers;
        var index = modifiers.IndexOf(SyntaxKind.AsyncKeyword);
        var leading = modifiers[index].LeadingTrivia;
        modifiers = modifiers.RemoveAt(index);
        if (index < modifiers.Count)
        {
            modifiers = modifiers.Replace(modifiers[index], modifiers[index].WithLeadingTrivia(leading));
            updated = updated.WithModifiers(modifiers);
        }
        else if (index == 0)
        {
            updated = updated.WithModifiers(modifiers).WithReturnType(updated.ReturnType.WithLeadingTrivia(leading));
        }
        else
        {
            updated = updated.WithModifiers(modifiers);
        }

        return document.WithSyntaxRoot(root.ReplaceNode(method, updated));
    }
}
