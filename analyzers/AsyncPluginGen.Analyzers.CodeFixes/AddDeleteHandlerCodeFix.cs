using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AsyncPluginGen.Generators.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Rename;

namespace AsyncPluginGen.Analyzers.CodeFixes;

/// <summary>
/// APG0006: when the plugin already cancels its jobs in a method the generator does not recognise as Delete (a
/// <c>CancelAsync</c>, <c>StopAsync</c>, <c>AbortAsync</c>, <c>KillAsync</c> or <c>TerminateAsync</c>, with or without
/// the suffix, that takes the ResourceMeta [, a <c>DeleteReason</c>] [, a <c>CancellationToken</c>] and returns void or a
/// task), renames it to <c>DeleteAsync</c> (or <c>Delete</c>), updating its callers.
/// Without such a method no fix is offered: a generated Delete could only throw, which makes every abort fail and leak
/// the job anyway, or do nothing, which leaks it silently and hides the warning. Cancelling needs the remote call only
/// the author can write.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDeleteHandlerCodeFix))]
[Shared]
public sealed class AddDeleteHandlerCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, stable across releases.</summary>
    public const string EquivalenceKey = DiagnosticIds.MissingDelete + ".RenameToDelete";

    private static readonly ImmutableArray<string> CancelLikeNames = ImmutableArray.Create("Cancel", "Stop", "Abort", "Kill", "Terminate");

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingDelete);

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
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } declaration
                || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type
                || MetaType(type) is not { } meta)
            {
                continue;
            }

            // One action per candidate: with several cancel-like methods, the author picks the one that cancels.
            foreach (var candidate in Candidates(type, meta, known))
            {
                // The generator accepts both names; the suffix follows the convention for what the method returns.
                var newName = candidate.ReturnsVoid ? "Delete" : "DeleteAsync";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Rename '{candidate.Name}' to '{newName}'",
                        ct => RenameAsync(context.Document.Project.Solution, candidate, newName, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The ResourceMeta: the first parameter of the Get handler (every async plugin has one, or APG0003 fires).</summary>
    private static ITypeSymbol? MetaType(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.Name is "Get" or "GetAsync" && m.Parameters.Length >= 1)
            .Select(m => m.Parameters[0].Type)
            .FirstOrDefault();

    private static ImmutableArray<IMethodSymbol> Candidates(INamedTypeSymbol type, ITypeSymbol meta, KnownTypes known) =>
        type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && IsCancelLikeName(m.Name) && HasDeleteShape(m, meta, known))
            .ToImmutableArray();

    private static bool IsCancelLikeName(string name)
    {
        var stem = name.EndsWith("Async", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Async".Length) : name;
        return CancelLikeNames.Contains(stem);
    }

    /// <summary>(TMeta [, DeleteReason] [, CancellationToken]) returning void, Task or ValueTask: what Delete accepts.</summary>
    private static bool HasDeleteShape(IMethodSymbol method, ITypeSymbol meta, KnownTypes known)
    {
        var parameters = method.Parameters;
        if (parameters.Length is < 1 or > 3 || !SymbolEqualityComparer.Default.Equals(parameters[0].Type, meta) || method.IsGenericMethod)
        {
            return false;
        }

        var index = 1;
        if (index < parameters.Length && KnownTypes.Is(parameters[index].Type, known.DeleteReason))
        {
            index++;
        }

        if (index < parameters.Length && KnownTypes.Is(parameters[index].Type, known.CancellationToken))
        {
            index++;
        }

        var returns = method.ReturnType;
        var returnsTask = method.ReturnsVoid || KnownTypes.Is(returns, known.Task) || KnownTypes.Is(returns, known.ValueTask);
        return index == parameters.Length && returnsTask;
    }

    private static async Task<Solution> RenameAsync(Solution solution, IMethodSymbol method, string newName, CancellationToken cancellationToken) =>
        await Renamer.RenameSymbolAsync(solution, method, new SymbolRenameOptions(), newName, cancellationToken).ConfigureAwait(false);
}
