using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Decides whether one operation allocates on the heap, following the ClrHeapAllocationAnalyzer rules plus the gaps
/// it leaves (LINQ, collection expressions, async lambdas). Only the operation itself is judged; the walker decides
/// about context (code under <c>throw</c> is the cold path and is not judged at all).
/// </summary>
internal sealed class AllocationClassifier
{
    private const string ObjectCreationText = "object creation";
    private const string StringAllocation = "string allocation";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat;
    private static readonly char[] LineBreaks = { '\r', '\n' };

    private readonly INamedTypeSymbol?[] _linq;
    private readonly INamedTypeSymbol? _span;
    private readonly INamedTypeSymbol? _readOnlySpan;

    private AllocationClassifier(Compilation compilation)
    {
        _linq = new[]
        {
            compilation.GetTypeByMetadataName("System.Linq.Enumerable"),
            compilation.GetTypeByMetadataName("System.Linq.Queryable"),
            compilation.GetTypeByMetadataName("System.Linq.ParallelEnumerable"),
        };
        _span = compilation.GetTypeByMetadataName("System.Span`1");
        _readOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
    }

    public static AllocationClassifier Create(Compilation compilation) => new(compilation);

    /// <summary>Allocations a call makes by itself: LINQ, string-producing methods, and boxing of a struct receiver.</summary>
    public CatalogueHit? Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var declaring = method.ContainingType;
        if (declaring is null)
        {
            return null;
        }

        foreach (var linq in _linq)
        {
            if (linq is not null && SymbolEqualityComparer.Default.Equals(declaring.OriginalDefinition, linq))
            {
                // Iterators, delegates and result collections: LINQ allocates even when it looks cheap.
                return new CatalogueHit(declaring.Name + "." + method.Name, "LINQ");
            }
        }

        if (declaring.SpecialType == SpecialType.System_String && IsAllocatingStringMethod(method.Name))
        {
            return new CatalogueHit("string." + method.Name, StringAllocation);
        }

        var receiver = SymbolFacts.TypeOf(invocation.Instance);
        if (method.Name == "ToString" && !method.IsStatic && receiver is not null && receiver.SpecialType != SpecialType.System_String)
        {
            return new CatalogueHit(receiver.ToDisplayString(TypeFormat) + ".ToString", StringAllocation);
        }

        if (receiver is { IsValueType: true } && receiver.TypeKind != TypeKind.TypeParameter && !method.IsStatic
            && declaring.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum
            && method.Name != "HasFlag")
        {
            // A struct calling a member it does not override (GetHashCode, GetType, Equals) is boxed first.
            // Enum.HasFlag is a JIT intrinsic since .NET Core 2.1 and no longer boxes.
            var type = receiver.ToDisplayString(TypeFormat);
            return new CatalogueHit(type + "." + method.Name, "boxing of " + type);
        }

        return null;
    }

    /// <summary>Whether the invocation's own allocation already covers its params array (string.Format, LINQ).</summary>
    public bool CoversParamsArray(IInvocationOperation invocation) => Invocation(invocation) is not null;

    public static CatalogueHit? ObjectCreation(IObjectCreationOperation creation) =>
        creation.Type is { IsReferenceType: true } type
            ? new CatalogueHit("new " + type.ToDisplayString(TypeFormat), ObjectCreationText)
            : null;

    public static CatalogueHit? TypeParameterCreation(ITypeParameterObjectCreationOperation creation) =>
        creation.Type is { IsReferenceType: true } type
            ? new CatalogueHit("new " + type.ToDisplayString(TypeFormat), ObjectCreationText)
            : null;

    public static CatalogueHit? With(IWithOperation with) =>
        with.Type is { IsReferenceType: true } type
            ? new CatalogueHit("with on " + type.ToDisplayString(TypeFormat), "copy of a record")
            : null;

    public static CatalogueHit? ArrayCreation(IArrayCreationOperation array)
    {
        var type = array.Type?.ToDisplayString(TypeFormat) ?? "array";
        if (!array.IsImplicit)
        {
            return new CatalogueHit("new " + type, "array creation");
        }

        // An implicit array is a params array; with no element the compiler passes Array.Empty.
        return array.Initializer is { ElementValues.Length: > 0 } && array.Parent is IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray }
            ? new CatalogueHit("params " + type, "params array")
            : null;
    }

    public CatalogueHit? CollectionExpression(IOperation operation)
    {
        if (operation is IConversionOperation || operation.Syntax is not CollectionExpressionSyntax syntax || operation.Type is not { } type)
        {
            return null;
        }

        var definition = type.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, _span) || SymbolEqualityComparer.Default.Equals(definition, _readOnlySpan))
        {
            // Spans are built on the stack (or over static data).
            return null;
        }

        var empty = syntax.Elements.Count == 0;
        if (empty && (type.TypeKind is TypeKind.Array or TypeKind.Interface))
        {
            // [] for an array or a read-only interface is Array.Empty<T>().
            return null;
        }

        if (empty && type.IsValueType)
        {
            return null;
        }

        var name = type.TypeKind == TypeKind.Interface ? "collection of " + type.ToDisplayString(TypeFormat) : "new " + type.ToDisplayString(TypeFormat);
        return new CatalogueHit(name, "collection expression");
    }

    public static CatalogueHit? Boxing(IConversionOperation conversion)
    {
        if (conversion.Language != LanguageNames.CSharp || !conversion.GetConversion().IsBoxing || conversion.Operand.Type is not { } from)
        {
            return null;
        }

        if (conversion.Parent is IBinaryOperation binary && IsStringConcatenation(binary))
        {
            // Reported once, as the concatenation.
            return null;
        }

        if (conversion.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { Name: "HasFlag", ContainingType.SpecialType: SpecialType.System_Enum } } })
        {
            // Enum.HasFlag is a JIT intrinsic: neither the receiver nor the argument is boxed.
            return null;
        }

        var type = from.ToDisplayString(TypeFormat);
        var to = conversion.Type?.ToDisplayString(TypeFormat) ?? "object";
        return new CatalogueHit("(" + to + ")" + type, "boxing of " + type);
    }

    public static CatalogueHit? AnonymousFunction(IAnonymousFunctionOperation lambda)
    {
        if (lambda.Symbol.IsAsync)
        {
            // Each call allocates a state machine and a task, captured or not.
            return new CatalogueHit("async lambda", "async lambda");
        }

        return lambda.Parent is IDelegateCreationOperation && Captures(lambda)
            ? new CatalogueHit("lambda", "closure")
            : null;
    }

    public static CatalogueHit? DelegateCreation(IDelegateCreationOperation creation)
    {
        if (creation.Target is not IMethodReferenceOperation reference)
        {
            return null;
        }

        var method = reference.Method;
        var bound = reference.Instance is not null && (!method.IsStatic || method.IsExtensionMethod);
        // Static method groups are cached by the compiler (C# 11); a group bound to an instance is a new delegate each time.
        return bound && method.MethodKind != MethodKind.LocalFunction
            ? new CatalogueHit("delegate to " + method.Name, "delegate allocation")
            : null;
    }

    public static CatalogueHit? Binary(IBinaryOperation binary) =>
        IsStringConcatenation(binary) && !binary.ConstantValue.HasValue && !(binary.Parent is IBinaryOperation parent && IsStringConcatenation(parent))
            ? new CatalogueHit(Snippet(binary.Syntax), "string concatenation")
            : null;

    public static CatalogueHit? CompoundAssignment(ICompoundAssignmentOperation assignment) =>
        assignment.OperatorKind == BinaryOperatorKind.Add && assignment.Type?.SpecialType == SpecialType.System_String
            ? new CatalogueHit(Snippet(assignment.Syntax), "string concatenation")
            : null;

    public static CatalogueHit? InterpolatedString(IInterpolatedStringOperation interpolation) =>
        interpolation.Type?.SpecialType == SpecialType.System_String
        && !interpolation.ConstantValue.HasValue
        && interpolation.Parent is not IInterpolatedStringHandlerCreationOperation
            ? new CatalogueHit(Snippet(interpolation.Syntax), "string interpolation")
            : null;

    public CatalogueHit? ForEach(IForEachLoopOperation loop)
    {
        if (loop.IsAsynchronous || loop.Syntax is not CommonForEachStatementSyntax syntax || loop.SemanticModel is not { } model)
        {
            return null;
        }

        var collection = SymbolFacts.TypeOf(loop.Collection);
        if (collection is null || collection.TypeKind == TypeKind.Array || collection.SpecialType == SpecialType.System_String
            || SymbolEqualityComparer.Default.Equals(collection.OriginalDefinition, _span)
            || SymbolEqualityComparer.Default.Equals(collection.OriginalDefinition, _readOnlySpan))
        {
            // Arrays, strings and spans are lowered to index loops.
            return null;
        }

        var enumerator = model.GetForEachStatementInfo(syntax).GetEnumeratorMethod?.ReturnType;
        return enumerator is { IsReferenceType: true }
            ? new CatalogueHit("foreach over " + collection.ToDisplayString(TypeFormat), "enumerator allocation")
            : null;
    }

    public static CatalogueHit AnonymousObject() => new("new { }", "anonymous object");

    private static bool IsStringConcatenation(IBinaryOperation binary) =>
        binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String;

    private static bool IsAllocatingStringMethod(string name) => name is
        "Format" or "Concat" or "Join" or "Substring" or "Replace" or "Split" or "ToUpper" or "ToUpperInvariant" or "ToLower"
        or "ToLowerInvariant" or "Trim" or "TrimStart" or "TrimEnd" or "Insert" or "Remove" or "PadLeft" or "PadRight"
        or "Normalize" or "Copy" or "Create" or "ToCharArray";

    /// <summary>Whether a lambda reads a local, parameter or <c>this</c> from outside itself, which forces a closure object.</summary>
    private static bool Captures(IAnonymousFunctionOperation lambda)
    {
        var self = lambda.Symbol;
        foreach (var operation in lambda.Body.Descendants())
        {
            switch (operation)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return true;
                case ILocalReferenceOperation local when !IsInside(local.Local.ContainingSymbol, self):
                    return true;
                case IParameterReferenceOperation parameter when !IsInside(parameter.Parameter.ContainingSymbol, self):
                    return true;
                case IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction, IsStatic: false } local } when !IsInside(local.ContainingSymbol, self):
                    // A non-static local function from outside may itself read the outer locals.
                    return true;
            }
        }

        return false;
    }

    private static bool IsInside(ISymbol? symbol, IMethodSymbol lambda)
    {
        for (var current = symbol; current is IMethodSymbol; current = current.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(current, lambda))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operation's source text on one line, shortened: it names an allocation that has no symbol.</summary>
    private static string Snippet(SyntaxNode syntax)
    {
        const int Max = 40;
        var text = syntax.ToString();
        var newline = text.IndexOfAny(LineBreaks);
        if (newline >= 0)
        {
            text = text.Substring(0, newline).TrimEnd() + "…";
        }

        return text.Length <= Max ? text : text.Substring(0, Max - 1) + "…";
    }
}
