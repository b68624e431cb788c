using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// APG0017: a Create handler that provably hands back a null ResourceMeta: <c>return null!;</c> or <c>default</c>, or a
/// <c>Created</c> (constructor or <c>Created.With</c>) whose meta argument is a null or default literal. The host keys Get,
/// Delete and its store on the meta, so such a task fails at run time, after the remote job may have started. Only
/// literals are reported: a variable that may be null is not provable here, and the nullable analysis covers it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NullResourceMetaAnalyzer : DiagnosticAnalyzer
{
    private const string AsyncPluginAttribute = "AsyncPluginGen.AsyncPluginAttribute";
    private const string CreatedStruct = "AsyncPluginGen.Created`2";
    private const string CreatedFactory = "AsyncPluginGen.Created";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NullResourceMeta);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(AsyncPluginAttribute);
            var created = start.Compilation.GetTypeByMetadataName(CreatedStruct);
            var factory = start.Compilation.GetTypeByMetadataName(CreatedFactory);
            if (attribute is null || created is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeCreated(c, attribute, created), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeFactory(c, attribute, factory), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeReturn(c, attribute, created), OperationKind.Return);
        });
    }

    private static void AnalyzeCreated(OperationAnalysisContext context, INamedTypeSymbol attribute, INamedTypeSymbol created)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, created)
            && creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } meta
            && IsNullLiteral(meta.Value)
            && CreateHandlerPlugin(context.ContainingSymbol, attribute) is { } plugin)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NullResourceMeta, Reported(meta.Value.Syntax), plugin.Name));
        }
    }

    private static void AnalyzeFactory(OperationAnalysisContext context, INamedTypeSymbol attribute, INamedTypeSymbol? factory)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (factory is not null
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, factory)
            && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } meta
            && IsNullLiteral(meta.Value)
            && CreateHandlerPlugin(context.ContainingSymbol, attribute) is { } plugin)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NullResourceMeta, Reported(meta.Value.Syntax), plugin.Name));
        }
    }

    private static void AnalyzeReturn(OperationAnalysisContext context, INamedTypeSymbol attribute, INamedTypeSymbol created)
    {
        // Returns inside a lambda or local function are theirs, not Create's.
        var ret = (IReturnOperation)context.Operation;
        if (ret.ReturnedValue is not { } value
            || IsInNestedFunction(ret)
            || CreateHandlerPlugin(context.ContainingSymbol, attribute) is not { } plugin)
        {
            return;
        }

        // 'default' of Created<TMeta, TResource> has a default meta too; a conversion from a null meta is the implicit one.
        var unwrapped = Unwrap(value);
        var isNullMeta = IsNullLiteral(value)
            || (unwrapped is IDefaultValueOperation { Type: INamedTypeSymbol type } && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, created) && type.TypeArguments[0] is { IsReferenceType: true });
        if (isNullMeta)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NullResourceMeta, Reported(value.Syntax), plugin.Name));
        }
    }

    /// <summary>The plugin whose Create handler the code is in, or null.</summary>
    private static INamedTypeSymbol? CreateHandlerPlugin(ISymbol symbol, INamedTypeSymbol attribute) =>
        symbol is IMethodSymbol { Name: "Create" or "CreateAsync", MethodKind: MethodKind.Ordinary, ContainingType: { } type }
        && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))
            ? type
            : null;

    /// <summary>A null or default literal (through conversions and <c>!</c>) of a type that can be null.</summary>
    private static bool IsNullLiteral(IOperation operation)
    {
        var unwrapped = Unwrap(operation);
        return unwrapped switch
        {
            ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } => true,
            IDefaultValueOperation { Type: { } type } => type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T,
            _ => false,
        };
    }

    /// <summary>The expression as written: <c>null!</c> rather than the literal inside it.</summary>
    private static Location Reported(SyntaxNode syntax)
    {
        while (syntax.Parent is { } parent && parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            syntax = parent;
        }

        return syntax.GetLocation();
    }

    private static bool IsInNestedFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
