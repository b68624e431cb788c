using System.Collections.Immutable;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// APG0016: a name given in [assembly: PluginRegistration] must be a C# identifier, or the generator drops it and the
/// author's call to the method they named would not compile. Works on the attribute's syntax, so it reports as the
/// author types; the rule is the generator's own (<see cref="RegistrationNamesParser.IsValidName"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegistrationNameAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidRegistrationName);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(KnownNames.PluginRegistrationAttribute);
            if (attribute is not null)
            {
                start.RegisterSyntaxNodeAction(node => Analyze(node, attribute), SyntaxKind.Attribute);
            }
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol registrationAttribute)
    {
        var syntax = (AttributeSyntax)context.Node;
        if (syntax.Parent is not AttributeListSyntax { Target.Identifier.ValueText: "assembly" } || syntax.ArgumentList is null)
        {
            return;
        }

        // Cheap syntax filter before binding: only attributes that set one of the two names.
        var named = false;
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            named |= argument.NameEquals?.Name.Identifier.ValueText is RegistrationNamesParser.MethodNameProperty or RegistrationNamesParser.ClassNameProperty;
        }

        if (!named
            || context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol { ContainingType: { } type }
            || !SymbolEqualityComparer.Default.Equals(type, registrationAttribute))
        {
            return;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            var property = argument.NameEquals?.Name.Identifier.ValueText;
            if (property is not (RegistrationNamesParser.MethodNameProperty or RegistrationNamesParser.ClassNameProperty))
            {
                continue;
            }

            // null keeps the default on purpose; a value that is not a constant string is the compiler's to report.
            var value = context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken);
            if (value is { HasValue: true, Value: string name } && !RegistrationNamesParser.IsValidName(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidRegistrationName, argument.Expression.GetLocation(), property, name));
            }
        }
    }
}
