using System.Threading;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>The class being inspected, the plugin attribute that made it a plugin, and what the inspection looks things up in.</summary>
internal sealed class PluginTarget
{
    public PluginTarget(INamedTypeSymbol type, AttributeData attribute, bool isSync, KnownTypes known, Compilation compilation, CancellationToken cancellationToken)
    {
        Type = type;
        Attribute = attribute;
        IsSync = isSync;
        Known = known;
        Compilation = compilation;
        CancellationToken = cancellationToken;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The [AsyncPlugin] or [SyncPlugin] attribute.</summary>
    public AttributeData Attribute { get; }

    public bool IsSync { get; }

    public KnownTypes Known { get; }

    public Compilation Compilation { get; }

    public CancellationToken CancellationToken { get; }

    public string Name => Type.Name;

    /// <summary>The class name in its first declaration: where class-level problems are reported.</summary>
    public Location ClassLocation => Type.Locations.Length > 0 ? Type.Locations[0] : Location.None;

    /// <summary>Where the plugin attribute is written.</summary>
    public Location AttributeLocation => LocationOf(Attribute);

    /// <summary>Where an attribute is written; the class when it has no syntax.</summary>
    public Location LocationOf(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(CancellationToken).GetLocation() ?? ClassLocation;

    /// <summary>A member's first source location; the class when it has none (a member of a referenced assembly).</summary>
    public Location LocationOf(ISymbol member)
    {
        foreach (var location in member.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return ClassLocation;
    }
}
