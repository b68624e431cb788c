using System.Collections.Generic;
using System.Threading;
using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncPluginGen.Generators.Pipeline;

/// <summary>
/// Finds the classes marked [AsyncPlugin] or [SyncPlugin] in a compilation and inspects each, as
/// <c>ForAttributeWithMetadataName</c> would (the attributes on one type declaration, outer types before nested ones,
/// files in compilation order; a plugin attribute the compilation cannot resolve to one type makes no plugin either way), but in one pass behind the <see cref="DeclarationSnapshot"/> gate, so that it runs only
/// when declarations change.
/// </summary>
internal static class PluginDiscovery
{
    public static DiscoveredPlugins Inspect(DeclarationSnapshot snapshot, CancellationToken cancellationToken)
    {
        var compilation = snapshot.Compilation;
        var known = KnownTypes.From(compilation);
        if (known.AsyncPluginAttribute is null && known.SyncPluginAttribute is null)
        {
            return DiscoveredPlugins.None;
        }

        var candidateNames = CandidateNames(snapshot, cancellationToken);
        List<PluginFileModel>? files = null;
        foreach (var tree in snapshot.Trees)
        {
            List<PluginModel>? asyncPlugins = null;
            List<PluginModel>? syncPlugins = null;
            SemanticModel? semanticModel = null;
            foreach (var declaration in AttributedTypes(tree.GetRoot(cancellationToken)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!NamesCandidate(declaration, candidateNames))
                {
                    continue;
                }

                semanticModel ??= compilation.GetSemanticModel(tree);
                if (semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
                {
                    continue;
                }

                var (async, sync) = PluginAttributesOn(type, declaration, known);
                if (async is not null && PluginInspector.Model(type, async, isSync: false, compilation, cancellationToken) is { } asyncModel)
                {
                    (asyncPlugins ??= new()).Add(asyncModel);
                }

                if (sync is not null && PluginInspector.Model(type, sync, isSync: true, compilation, cancellationToken) is { } syncModel)
                {
                    (syncPlugins ??= new()).Add(syncModel);
                }
            }

            if (asyncPlugins is not null || syncPlugins is not null)
            {
                (files ??= new()).Add(new PluginFileModel(
                    tree.FilePath,
                    asyncPlugins?.ToEquatableArray() ?? EquatableArray<PluginModel>.Empty,
                    syncPlugins?.ToEquatableArray() ?? EquatableArray<PluginModel>.Empty));
            }
        }

        return files is null ? DiscoveredPlugins.None : new DiscoveredPlugins(files.ToEquatableArray());
    }

    /// <summary>The plugin attributes applied in <paramref name="declaration"/> itself (a partial class's other parts have their own).</summary>
    private static (List<AttributeData>? Async, List<AttributeData>? Sync) PluginAttributesOn(INamedTypeSymbol type, TypeDeclarationSyntax declaration, KnownTypes known)
    {
        List<AttributeData>? async = null;
        List<AttributeData>? sync = null;
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference is not { } application
                || application.SyntaxTree != declaration.SyntaxTree
                || !declaration.Span.Contains(application.Span))
            {
                continue;
            }

            if (KnownTypes.Is(attribute.AttributeClass, known.AsyncPluginAttribute))
            {
                (async ??= new()).Add(attribute);
            }
            else if (KnownTypes.Is(attribute.AttributeClass, known.SyncPluginAttribute))
            {
                (sync ??= new()).Add(attribute);
            }
        }

        return (async, sync);
    }

    /// <summary>Type declarations with attributes, outer before nested, in file order; never looking into members' bodies.</summary>
    private static IEnumerable<TypeDeclarationSyntax> AttributedTypes(SyntaxNode root)
    {
        var pending = new Stack<MemberDeclarationSyntax>();
        if (root is CompilationUnitSyntax unit)
        {
            PushReversed(pending, unit.Members);
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case BaseNamespaceDeclarationSyntax ns:
                    PushReversed(pending, ns.Members);
                    break;
                case TypeDeclarationSyntax type:
                    if (type.AttributeLists.Count > 0)
                    {
                        yield return type;
                    }

                    PushReversed(pending, type.Members);
                    break;
            }
        }
    }

    private static void PushReversed(Stack<MemberDeclarationSyntax> stack, SyntaxList<MemberDeclarationSyntax> members)
    {
        for (var i = members.Count - 1; i >= 0; i--)
        {
            if (members[i] is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            {
                stack.Push(members[i]);
            }
        }
    }

    /// <summary>
    /// The names an attribute can be written with to be a plugin attribute: the attribute's own names, and any alias
    /// (the semantic check decides; an alias that names something else costs one symbol lookup).
    /// </summary>
    private static HashSet<string> CandidateNames(DeclarationSnapshot snapshot, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal) { "AsyncPlugin", "AsyncPluginAttribute", "SyncPlugin", "SyncPluginAttribute" };
        foreach (var tree in snapshot.Trees)
        {
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
            {
                AddAliases(names, unit.Usings, unit.Members);
            }
        }

        return names;
    }

    private static void AddAliases(HashSet<string> names, SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                names.Add(alias.Name.Identifier.ValueText);
            }
        }

        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax ns)
            {
                AddAliases(names, ns.Usings, ns.Members);
            }
        }
    }

    private static bool NamesCandidate(TypeDeclarationSyntax declaration, HashSet<string> candidateNames)
    {
        foreach (var list in declaration.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (RightmostName(attribute.Name) is { } name && candidateNames.Contains(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? RightmostName(NameSyntax name) => name switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        _ => null,
    };
}
