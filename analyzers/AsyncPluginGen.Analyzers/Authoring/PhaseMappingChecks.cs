using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// APG0010–APG0013 and APG0015: how Status is computed. Either the author wrote Status, or exactly one readable
/// [PhaseSource] member of the resource holds an enum or string state whose values are mapped.
/// </summary>
internal static class PhaseMappingChecks
{
    public static void Check(PluginUnderAnalysis plugin, ITypeSymbol meta, ITypeSymbol resource)
    {
        var handwritten = HandlerParser.Candidates(plugin.Type, "Status").Where(m => m.Name == "Status").ToList();
        if (handwritten.Count > 0)
        {
            CheckHandwritten(plugin, handwritten, meta, resource);
            return;
        }

        var sources = ResourceMembers.With(resource, KnownNames.PhaseSourceAttribute);
        if (sources.Count == 0)
        {
            plugin.Report(Descriptors.NoStatusSource, plugin.ClassLocation, plugin.Name, resource.ToDisplayString());
            return;
        }

        if (sources.Count > 1)
        {
            foreach (var (member, _) in sources)
            {
                plugin.Report(Descriptors.InvalidPhaseSource, SourceLocation(member, plugin), member.Name, plugin.Name,
                    $"{sources.Count} members of '{resource.Name}' are marked [PhaseSource] ({string.Join(", ", sources.Select(s => s.Member.Name))}); keep it on exactly one");
            }

            return;
        }

        var (source, sourceType) = sources[0];
        if (!ResourceMembers.IsReadable(source))
        {
            plugin.Report(Descriptors.InvalidPhaseSource, SourceLocation(source, plugin), source.Name, plugin.Name,
                "it is not readable from the plugin's assembly; make it (and its getter) public or internal");
            return;
        }

        CheckMessageMember(plugin, resource);
        var enumType = sourceType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            ? ((INamedTypeSymbol)sourceType).TypeArguments[0]
            : sourceType;
        var hasDefault = plugin.Type.HasAttribute(KnownNames.DefaultPhaseAttribute);
        CheckPhaseValue(plugin, plugin.Type.GetAttribute(KnownNames.DefaultPhaseAttribute), 0, "[DefaultPhase]");
        if (enumType.TypeKind == TypeKind.Enum)
        {
            // A source enum is checked by its own symbol action (EnumStateChecks), so its diagnostics stay local to it.
            if (!enumType.Locations.Any(l => l.IsInSource))
            {
                EnumStateChecks.Check((INamedTypeSymbol)enumType, new[] { (plugin.Name, hasDefault) }, (descriptor, _, arguments) => plugin.Report(descriptor, plugin.ClassLocation, arguments));
            }

            foreach (var mapping in StringMappings(plugin))
            {
                plugin.Report(Descriptors.InvalidPhaseMapping, mapping.ApplicationSyntaxReference?.GetSyntax(plugin.CancellationToken).GetLocation(),
                    $"[PhaseMapping] on plugin '{plugin.Name}' is ignored because its state '{source.Name}' is the enum '{enumType.Name}'; map enum members with [Phase] instead");
            }
        }
        else if (sourceType.SpecialType == SpecialType.System_String)
        {
            var ignoreCase = AttributeReader.Named(source.GetAttribute(KnownNames.PhaseSourceAttribute)!, "IgnoreCase", false);
            CheckStringStates(plugin, hasDefault, ignoreCase);
        }
        else
        {
            plugin.Report(Descriptors.InvalidPhaseSource, SourceLocation(source, plugin), source.Name, plugin.Name,
                $"its type '{sourceType.ToDisplayString()}' is neither an enum nor a string; expose the state as one, or write Status by hand");
        }
    }

    private static void CheckHandwritten(PluginUnderAnalysis plugin, List<IMethodSymbol> methods, ITypeSymbol meta, ITypeSymbol resource)
    {
        var usable = methods.Where(m => HandlerParser.ParseStatus(m, meta, resource) is not null).ToList();
        if (usable.Count > 1)
        {
            plugin.Report(Descriptors.AmbiguousHandlers, plugin.ClassLocation, plugin.Name, usable.Count, "Status",
                string.Join(", ", usable.Select(u => u.ToDisplayString(HandlerShapes.SignatureFormat))));
            return;
        }

        if (usable.Count == 1)
        {
            return;
        }

        foreach (var method in methods)
        {
            // An async or task-returning Status is APG1004's to report, with a fix.
            if (ReturnShape.Of(method).Kind != Generators.Model.ReturnKind.Direct)
            {
                continue;
            }

            var why = !method.ReturnType.IsRuntimeType("PhaseInfo")
                ? $"it returns '{method.ReturnType.ToDisplayString()}' instead of PhaseInfo"
                : $"its parameter must be the resource '{resource.ToDisplayString()}' or StatusContext<{meta.ToDisplayString()}, {resource.ToDisplayString()}>";
            plugin.Report(Descriptors.UnusableHandlerSignature, method.Locations.FirstOrDefault(), method.Name, "Status", plugin.Name, why, HandlerShapes.Status);
        }
    }

    private static void CheckStringStates(PluginUnderAnalysis plugin, bool hasDefault, bool ignoreCase)
    {
        var ignoreCaseSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mappings = StringMappings(plugin).ToList();
        foreach (var mapping in mappings)
        {
            var location = mapping.ApplicationSyntaxReference?.GetSyntax(plugin.CancellationToken).GetLocation();
            if (mapping.ConstructorArguments.Length < 1 || mapping.ConstructorArguments[0].Value is not string state)
            {
                plugin.Report(Descriptors.InvalidPhaseMapping, location, $"[PhaseMapping] with a null state on plugin '{plugin.Name}' is ignored; a missing state is handled by [DefaultPhase]");
                continue;
            }

            CheckPhaseValue(plugin, mapping, 1, $"[PhaseMapping(\"{state}\")]");
            if (!seen.Add(state))
            {
                plugin.Report(Descriptors.InvalidPhaseMapping, location, $"State \"{state}\" is mapped twice on plugin '{plugin.Name}'; only the first mapping is used, so remove this one");
            }
            else if (!ignoreCaseSeen.Add(state) && ignoreCase)
            {
                plugin.Report(Descriptors.InvalidPhaseMapping, location, $"State \"{state}\" differs from another mapped state of plugin '{plugin.Name}' only in case; with [PhaseSource(IgnoreCase = true)] only the first is used");
            }
        }

        if (!hasDefault)
        {
            plugin.Report(Descriptors.StringStatesWithoutDefault, plugin.AttributeLocation, plugin.Name);
        }
    }

    private static void CheckMessageMember(PluginUnderAnalysis plugin, ITypeSymbol resource)
    {
        foreach (var (member, type) in ResourceMembers.With(resource, KnownNames.PhaseMessageAttribute))
        {
            if (type.SpecialType != SpecialType.System_String)
            {
                plugin.Report(Descriptors.InvalidPhaseSource, SourceLocation(member, plugin), member.Name, plugin.Name,
                    $"[PhaseMessage] needs a string, but '{member.Name}' is '{type.ToDisplayString()}'; the generated Status ignores it");
            }
        }
    }

    /// <summary>Reports a TaskPhase outside the enum's range or failure settings on other phases; returns the phase otherwise.</summary>
    private static int? CheckPhaseValue(PluginUnderAnalysis plugin, AttributeData? attribute, int index, string what) =>
        attribute is null ? null : EnumStateChecks.PhaseValue(attribute, what, (descriptor, location, arguments) => plugin.Report(descriptor, location, arguments), index);

    private static IEnumerable<AttributeData> StringMappings(PluginUnderAnalysis plugin) =>
        plugin.Type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.PhaseMappingAttribute);

    private static Location SourceLocation(ISymbol member, PluginUnderAnalysis plugin) =>
        member.Locations.FirstOrDefault(l => l.IsInSource) ?? plugin.ClassLocation;
}
