using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// APG1004: Status must return PhaseInfo synchronously. Reported at the method name. When the method is
/// <c>async</c> but never awaits, the "Async" property tells the code fix it can drop the modifier and unwrap the
/// return type without changing behaviour.
/// </summary>
internal static class AsyncStatusCheck
{
    public const string AsyncProperty = "Async";

    private static readonly ImmutableDictionary<string, string?> AsyncWithoutAwait =
        ImmutableDictionary<string, string?>.Empty.Add(AsyncProperty, "true");

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat;

    public static void Analyze(SymbolAnalysisContext context, HotPathCompilation state)
    {
        if (context.Symbol is not IMethodSymbol method || !StatusMethods.IsStatus(method, state))
        {
            return;
        }

        var returnsTask = IsTaskLike(method.ReturnType);
        if (!method.IsAsync && !returnsTask)
        {
            return;
        }

        var declaration = method.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(context.CancellationToken))
            .OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(m => m.Body is not null || m.ExpressionBody is not null);
        var location = declaration?.Identifier.GetLocation() ?? (method.Locations.Length > 0 ? method.Locations[0] : Location.None);
        var returnText = "returns " + method.ReturnType.ToDisplayString(TypeFormat);
        var description = method.IsAsync && returnsTask ? "is declared async and " + returnText
            : method.IsAsync ? "is declared async"
            : returnText;
        var properties = method.IsAsync && declaration is not null && !Awaits(declaration)
            ? AsyncWithoutAwait
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.AsyncStatus, location, properties, method.Name, description));
    }

    private static bool IsTaskLike(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || named.ContainingNamespace is null)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        var ns = definition.ContainingNamespace.ToDisplayString();
        return (ns == "System.Threading.Tasks" && definition.MetadataName is "Task" or "Task`1" or "ValueTask" or "ValueTask`1")
            || (ns == "System.Collections.Generic" && definition.MetadataName is "IAsyncEnumerable`1" or "IAsyncEnumerator`1");
    }

    /// <summary>Whether the body awaits anything itself (awaits inside nested lambdas and local functions do not count).</summary>
    private static bool Awaits(MethodDeclarationSyntax declaration)
    {
        var body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
        if (body is null)
        {
            return false;
        }

        foreach (var node in body.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case AwaitExpressionSyntax:
                case CommonForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                case UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                case LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                    return true;
            }
        }

        return false;
    }
}
