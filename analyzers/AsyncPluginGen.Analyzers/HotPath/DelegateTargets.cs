using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// What a delegate Status invokes runs, when the source says so: a <c>readonly</c> (or <c>static readonly</c>) field, or
/// a local, whose only assignment is its initializer, a lambda or a method group. Anything else (a field assigned
/// elsewhere, a parameter, a delegate from another assembly) is unknown. Field answers are cached for the compilation.
/// </summary>
internal sealed class DelegateTargets
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IFieldSymbol, DelegateTarget> _fields = new(SymbolEqualityComparer.Default);

    public DelegateTargets(Compilation compilation) => _compilation = compilation;

    /// <summary>The target of the delegate <paramref name="receiver"/> evaluates to, when it is known.</summary>
    public DelegateTarget Resolve(IOperation? receiver, CancellationToken cancellationToken)
    {
        switch (receiver)
        {
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                if (!_fields.TryGetValue(field.OriginalDefinition, out var target))
                {
                    target = FromField(field.OriginalDefinition, cancellationToken);
                    _fields.TryAdd(field.OriginalDefinition, target);
                }

                return target;
            case ILocalReferenceOperation { Local: var local } reference:
                return FromLocal(local, reference.SemanticModel, cancellationToken);
            case IDelegateCreationOperation creation:
                return Of(creation.Target, isInPlace: true);
            case IConversionOperation { Operand: var operand }:
                return Resolve(operand, cancellationToken);
            default:
                return DelegateTarget.Unknown;
        }
    }

    private DelegateTarget FromField(IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer }
            || IsAssignedInConstructors(field, cancellationToken)
            || !_compilation.ContainsSyntaxTree(initializer.SyntaxTree))
        {
            return DelegateTarget.Unknown;
        }

#pragma warning disable RS1030 // The field lives outside the block being analyzed: its initializer needs its own model.
        var model = _compilation.GetSemanticModel(initializer.SyntaxTree);
#pragma warning restore RS1030
        return model.GetOperation(initializer, cancellationToken) is IFieldInitializerOperation { Value: var value }
            ? Of(Unwrap(value), isInPlace: false)
            : DelegateTarget.Unknown;
    }

    private static DelegateTarget FromLocal(ILocalSymbol local, SemanticModel? model, CancellationToken cancellationToken)
    {
        // A local's lambda was walked where it was written, and a method group was followed where it became a delegate:
        // all that is left is to know that it holds one of them and that nothing else was assigned to it.
        if (model is null
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: not null } declarator
            || model.GetOperation(declarator, cancellationToken) is not IVariableDeclaratorOperation { Initializer.Value: var value }
            || Unwrap(value) is not (IAnonymousFunctionOperation or IMethodReferenceOperation))
        {
            return DelegateTarget.Unknown;
        }

        var scope = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax);
        return scope is null || AssignsTo(scope, local.Name) ? DelegateTarget.Unknown : DelegateTarget.InPlace;
    }

    private static bool IsAssignedInConstructors(IFieldSymbol field, CancellationToken cancellationToken)
    {
        foreach (var member in field.ContainingType.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (AssignsTo(reference.GetSyntax(cancellationToken), field.Name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="scope"/> assigns to something named <paramref name="name"/> (by syntax: conservative).</summary>
    private static bool AssignsTo(SyntaxNode scope, string name)
    {
        foreach (var node in scope.DescendantNodes())
        {
            var target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
                _ => null,
            };
            var assigned = target switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };
            if (assigned == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="target">What the delegate was made from.</param>
    /// <param name="isInPlace">Made in the body being walked, which walked its lambda or followed its method group already.</param>
    private static DelegateTarget Of(IOperation? target, bool isInPlace) => target switch
    {
        IAnonymousFunctionOperation or IMethodReferenceOperation when isInPlace => DelegateTarget.InPlace,
        IAnonymousFunctionOperation lambda => new DelegateTarget(lambda.Symbol, lambda.Body, null),
        IMethodReferenceOperation reference => new DelegateTarget(null, null, reference),
        _ => DelegateTarget.Unknown,
    };

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    break;
                default:
                    return operation;
            }
        }
    }
}

/// <summary>
/// What a delegate runs: a lambda held in a field (its symbol and body, walked as a helper), a method group (followed
/// as a call), code already walked where it was written (<see cref="InPlace"/>), or <see cref="Unknown"/>.
/// </summary>
internal sealed class DelegateTarget
{
    public static readonly DelegateTarget Unknown = new(null, null, null);

    public static readonly DelegateTarget InPlace = new(null, null, null);

    public DelegateTarget(IMethodSymbol? lambda, IOperation? body, IMethodReferenceOperation? method)
    {
        Lambda = lambda;
        Body = body;
        Method = method;
    }

    public IMethodSymbol? Lambda { get; }

    public IOperation? Body { get; }

    public IMethodReferenceOperation? Method { get; }
}
