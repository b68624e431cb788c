using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Inspection;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// Looks at every symbol the generated code will name. An <c>[Obsolete(error: true)]</c> one makes the plugin
/// impossible to generate (the call would be an error); <c>[Experimental]</c> ids are collected so the generated
/// file can suppress them, since the author chose to use those APIs, not the generator.
/// </summary>
internal sealed class UsageScanner
{
    private readonly HashSet<ISymbol> _seen = new(SymbolEqualityComparer.Default);
    private readonly SortedSet<string> _experimental = new(System.StringComparer.Ordinal);
    private readonly KnownTypes _known;

    public UsageScanner(KnownTypes known) => _known = known;

    public bool HasObsoleteError => ObsoleteError is not null;

    /// <summary>The first symbol found that is <c>[Obsolete(error: true)]</c>, for the message that explains why nothing is generated.</summary>
    public ISymbol? ObsoleteError { get; private set; }

    public IEnumerable<string> ExperimentalDiagnostics => _experimental;

    public UsageScanner Add(ISymbol? symbol)
    {
        if (symbol is null || !_seen.Add(symbol))
        {
            return this;
        }

        // A referenced assembly's symbols are the same for every plugin of the compilation (string, ValueTask<T>,
        // TaskContext, ...): their attributes are read once per compilation.
        var marks = symbol.DeclaringSyntaxReferences.IsEmpty ? _known.MetadataUsage.GetOrAdd(symbol, ReadMarks) : ReadMarks(symbol);
        if (marks.ObsoleteError && ObsoleteError is null)
        {
            ObsoleteError = symbol;
        }

        foreach (var id in marks.Experimental)
        {
            _experimental.Add(id);
        }

        switch (symbol)
        {
            case INamedTypeSymbol named:
                Add(named.ContainingType);
                foreach (var argument in named.TypeArguments)
                {
                    Add(argument);
                }

                break;
            case IArrayTypeSymbol array:
                Add(array.ElementType);
                break;
            case IMethodSymbol method:
                Add(method.ContainingType);
                foreach (var parameter in method.Parameters)
                {
                    Add(parameter.Type);
                }

                Add(method.ReturnType);
                break;
            case IPropertySymbol property:
                Add(property.Type);
                Add(property.GetMethod);
                break;
            case IFieldSymbol field:
                Add(field.Type);
                break;
        }

        return this;
    }

    private UsageMarks ReadMarks(ISymbol symbol)
    {
        var obsoleteError = false;
        List<string>? experimental = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (KnownTypes.Is(attribute.AttributeClass, _known.ObsoleteAttribute))
            {
                obsoleteError |= attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is true;
            }
            else if (KnownTypes.Is(attribute.AttributeClass, _known.ExperimentalAttribute)
                && AttributeReader.TryConstructor<string>(attribute, 0, out var id) && id.Length > 0)
            {
                (experimental ??= []).Add(id);
            }
        }

        return obsoleteError || experimental is not null ? new UsageMarks(obsoleteError, experimental?.ToArray() ?? []) : UsageMarks.None;
    }

    public UsageScanner AddRange(IEnumerable<ISymbol?> symbols)
    {
        foreach (var symbol in symbols.ToList())
        {
            Add(symbol);
        }

        return this;
    }
}

/// <summary>What a symbol's own attributes say about using it: <c>[Obsolete(error: true)]</c>, and its <c>[Experimental]</c> ids.</summary>
internal sealed class UsageMarks(bool obsoleteError, string[] experimental)
{
    public static readonly UsageMarks None = new(false, []);

    public bool ObsoleteError { get; } = obsoleteError;

    public string[] Experimental { get; } = experimental;
}
