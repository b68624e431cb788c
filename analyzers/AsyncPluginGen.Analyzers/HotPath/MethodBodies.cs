using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Finds the operations to walk for a callee declared in this compilation: method, accessor, operator and
/// constructor bodies (block or expression), local functions, and the instance field and property initializers a
/// constructor runs. Anything without a body in source (metadata, extern, abstract, partial without implementation)
/// has nothing to follow.
/// </summary>
internal static class MethodBodies
{
    /// <summary>The symbol whose body to follow for a call to <paramref name="method"/>, or null when there is none.</summary>
    public static IMethodSymbol? Followable(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (definition.PartialImplementationPart is { } implementation)
        {
            definition = implementation;
        }

        if (definition.IsExtern || definition.IsAbstract || definition.MethodKind is MethodKind.DelegateInvoke or MethodKind.AnonymousFunction)
        {
            return null;
        }

        if (definition.DeclaringSyntaxReferences.IsEmpty)
        {
            // An implicit constructor of a source class still runs the field initializers written in source.
            return definition is { MethodKind: MethodKind.Constructor, IsStatic: false, IsImplicitlyDeclared: true }
                && !definition.ContainingType.DeclaringSyntaxReferences.IsEmpty
                ? definition
                : null;
        }

        return definition.IsPartialDefinition ? null : definition;
    }

    /// <summary>Adds the operations that make up <paramref name="method"/>'s body (from <see cref="Followable"/>) to <paramref name="roots"/>.</summary>
    public static void Collect(IMethodSymbol method, Compilation compilation, List<IOperation> roots, CancellationToken cancellationToken)
    {
        var runsInitializers = method is { MethodKind: MethodKind.Constructor, IsStatic: false };
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            switch (node)
            {
                case ConstructorDeclarationSyntax { Initializer: { } initializer } when initializer.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword):
                    // this(...) runs the initializers in the other constructor, which the walk follows.
                    runsInitializers = false;
                    Add(node, compilation, roots, cancellationToken);
                    break;
                case LocalFunctionStatementSyntax:
                    if (Model(node, compilation)?.GetOperation(node, cancellationToken) is ILocalFunctionOperation local)
                    {
                        AddIfNotNull(roots, local.Body ?? local.IgnoredBody);
                    }

                    break;
                case AccessorDeclarationSyntax { Body: null, ExpressionBody: null }:
                case ParameterSyntax:
                case TypeDeclarationSyntax:
                    // Auto-accessors, record positional members and primary constructors have no body of their own.
                    break;
                default:
                    Add(node, compilation, roots, cancellationToken);
                    break;
            }
        }

        if (runsInitializers)
        {
            CollectInitializers(method.ContainingType, compilation, roots, cancellationToken);
        }
    }

    private static void CollectInitializers(INamedTypeSymbol type, Compilation compilation, List<IOperation> roots, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic || member.IsImplicitlyDeclared || member is not (IFieldSymbol { IsConst: false } or IPropertySymbol))
            {
                continue;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var initializer = reference.GetSyntax(cancellationToken) switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };
                if (initializer is not null)
                {
                    Add(initializer, compilation, roots, cancellationToken);
                }
            }
        }
    }

    private static void Add(SyntaxNode node, Compilation compilation, List<IOperation> roots, CancellationToken cancellationToken) =>
        AddIfNotNull(roots, Model(node, compilation)?.GetOperation(node, cancellationToken));

    private static void AddIfNotNull(List<IOperation> roots, IOperation? operation)
    {
        if (operation is not null)
        {
            roots.Add(operation);
        }
    }

    private static SemanticModel? Model(SyntaxNode node, Compilation compilation)
    {
        if (!compilation.ContainsSyntaxTree(node.SyntaxTree))
        {
            return null;
        }

        // The callee lives in another method (often another file), so it needs its own model. The analyzer driver
        // hands out cached models from GetSemanticModel, and each body is walked once per compilation (summaries are
        // memoized), so this does not re-bind the world.
#pragma warning disable RS1030 // Interprocedural analysis must bind callees outside the block being analyzed.
        return compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
    }
}
