using System.Threading;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>The plugin class being checked, with the context to report on.</summary>
internal sealed class PluginUnderAnalysis
{
    private readonly SymbolAnalysisContext _context;

    public PluginUnderAnalysis(INamedTypeSymbol type, AttributeData attribute, SymbolAnalysisContext context)
    {
        Type = type;
        Attribute = attribute;
        _context = context;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The [AsyncPlugin] or [SyncPlugin] attribute.</summary>
    public AttributeData Attribute { get; }

    public bool IsSync => Attribute.AttributeClass?.ToDisplayString() == KnownNames.SyncPluginAttribute;

    public string Name => Type.Name;

    public CancellationToken CancellationToken => _context.CancellationToken;

    public Compilation Compilation => _context.Compilation;

    /// <summary>Where the attribute is written; the default place for class-level diagnostics.</summary>
    public Location AttributeLocation =>
        Attribute.ApplicationSyntaxReference?.GetSyntax(_context.CancellationToken).GetLocation() ?? ClassLocation;

    /// <summary>The class name in its first declaration.</summary>
    public Location ClassLocation => Type.Locations.Length > 0 ? Type.Locations[0] : Location.None;

    public void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments) =>
        _context.ReportDiagnostic(Diagnostic.Create(descriptor, location ?? ClassLocation, arguments));

    public void Report(DiagnosticDescriptor descriptor, Location? location, System.Collections.Immutable.ImmutableDictionary<string, string?> properties, params object?[] arguments) =>
        _context.ReportDiagnostic(Diagnostic.Create(descriptor, location ?? ClassLocation, properties, arguments));
}
