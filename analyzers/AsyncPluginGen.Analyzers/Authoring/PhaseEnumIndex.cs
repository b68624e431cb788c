using System;
using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// Which source enums plugins of this compilation map through [PhaseSource], and whether those plugins have a
/// [DefaultPhase]. Lets the enum's own symbol action report on its members, so those diagnostics are local to the
/// enum's file and their code fixes work while the author types. Built once per compilation, on first use.
/// </summary>
internal sealed class PhaseEnumIndex
{
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<(string Plugin, bool HasDefault)>>> _users;

    public PhaseEnumIndex(Compilation compilation, KnownTypes known) =>
        _users = new Lazy<Dictionary<INamedTypeSymbol, List<(string, bool)>>>(() => Build(compilation, known));

    /// <summary>The plugins that map <paramref name="enumType"/>, ordered by name; empty when none does.</summary>
    public IReadOnlyList<(string Plugin, bool HasDefault)> UsersOf(INamedTypeSymbol enumType) =>
        _users.Value.TryGetValue(enumType, out var users) ? users : (IReadOnlyList<(string, bool)>)Array.Empty<(string, bool)>();

    private static Dictionary<INamedTypeSymbol, List<(string, bool)>> Build(Compilation compilation, KnownTypes known)
    {
        var users = new Dictionary<INamedTypeSymbol, List<(string, bool)>>(SymbolEqualityComparer.Default);
        foreach (var plugin in SourceTypes(compilation.Assembly.GlobalNamespace).Where(t => KnownTypes.HasAttribute(t, known.AsyncPluginAttribute)))
        {
            if (StateEnumOf(plugin, known) is { } enumType)
            {
                if (!users.TryGetValue(enumType, out var list))
                {
                    users[enumType] = list = new List<(string, bool)>();
                }

                list.Add((plugin.Name, KnownTypes.HasAttribute(plugin, known.DefaultPhaseAttribute)));
            }
        }

        foreach (var list in users.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        }

        return users;
    }

    /// <summary>The enum behind the plugin's [PhaseSource], found the way the generator finds it; null when there is none.</summary>
    public static INamedTypeSymbol? StateEnumOf(INamedTypeSymbol plugin, KnownTypes known)
    {
        if (HandlerParser.Candidates(plugin, "Status").Any(m => m.Name == "Status"))
        {
            return null;
        }

        var creates = HandlerParser.Candidates(plugin, "Create").Select(m => HandlerParser.ParseCreate(m, known)).Where(c => c is not null).ToList();
        if (creates.Count != 1)
        {
            return null;
        }

        var gets = HandlerParser.Candidates(plugin, "Get").Select(m => HandlerParser.ParseGet(m, creates[0]!.Meta, known)).Where(g => g is not null).ToList();
        if (gets.Count != 1)
        {
            return null;
        }

        // The inspection's own lookup of the [PhaseSource] member, so the index and the plugin agree on the enum.
        var sources = ResourceMembers.With(gets[0]!.Value.Resource, known.PhaseSourceAttribute);
        if (sources.Count == 0)
        {
            return null;
        }

        var memberType = sources[0].Type;
        if (memberType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            memberType = ((INamedTypeSymbol)memberType).TypeArguments[0];
        }

        return memberType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType ? enumType : null;
    }

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var type in SourceTypes(child))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
            }
        }
    }
}
