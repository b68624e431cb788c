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

        var sources = MembersWith(resource, KnownNames.PhaseSourceAttribute);
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
        if (!IsReadable(source))
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
            CheckEnumStates(plugin, (INamedTypeSymbol)enumType, hasDefault);
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

    private static void CheckEnumStates(PluginUnderAnalysis plugin, INamedTypeSymbol enumType, bool hasDefault)
    {
        var mappedByValue = new Dictionary<object, (IFieldSymbol Field, int Phase)>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            var attribute = field.GetAttribute(KnownNames.PhaseAttribute);
            var phase = attribute is null ? (int?)null : CheckPhaseValue(plugin, attribute, 0, $"[Phase] on '{enumType.Name}.{field.Name}'");
            if (mappedByValue.TryGetValue(field.ConstantValue!, out var first))
            {
                // An alias shares its value, and so the first member's mapping.
                if (phase is not null && phase != first.Phase)
                {
                    plugin.Report(Descriptors.InvalidPhaseMapping, SourceLocation(field, plugin),
                        $"'{enumType.Name}.{field.Name}' has the same value as '{first.Field.Name}', so it maps to {PhaseName(first.Phase)} like it; its own [Phase] is ignored");
                }

                continue;
            }

            if (phase is not null)
            {
                mappedByValue[field.ConstantValue!] = (field, phase.Value);
            }
            else if (attribute is null && !hasDefault)
            {
                plugin.Report(Descriptors.UnmappedEnumState, SourceLocation(field, plugin), field.Name, enumType.Name, plugin.Name);
            }
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
        foreach (var (member, type) in MembersWith(resource, KnownNames.PhaseMessageAttribute))
        {
            if (type.SpecialType != SpecialType.System_String)
            {
                plugin.Report(Descriptors.InvalidPhaseSource, SourceLocation(member, plugin), member.Name, plugin.Name,
                    $"[PhaseMessage] needs a string, but '{member.Name}' is '{type.ToDisplayString()}'; the generated Status ignores it");
            }
        }
    }

    /// <summary>Reports a TaskPhase outside the enum's range; returns the phase value otherwise.</summary>
    private static int? CheckPhaseValue(PluginUnderAnalysis plugin, AttributeData? attribute, int index, string what)
    {
        if (attribute is null || attribute.ConstructorArguments.Length <= index || attribute.ConstructorArguments[index].Value is not IConvertible raw)
        {
            return null;
        }

        var phase = raw.ToInt32(CultureInfo.InvariantCulture);
        if (phase < 0 || phase >= KnownNames.TaskPhases.Length)
        {
            plugin.Report(Descriptors.InvalidPhaseMapping, attribute.ApplicationSyntaxReference?.GetSyntax(plugin.CancellationToken).GetLocation(),
                $"{what} names phase {phase}, which is not a TaskPhase member; the mapping is ignored, so use one of TaskPhase's members");
            return null;
        }

        // Code, Kind and Cleanup describe a failure; on any other phase the generated Status never uses them.
        if (phase is not (FailurePhaseRetryable or FailurePhasePermanent))
        {
            var ignored = attribute.NamedArguments.Select(a => a.Key).Where(k => k is "Code" or "Kind" or "Cleanup").ToList();
            if (ignored.Count > 0)
            {
                plugin.Report(Descriptors.InvalidPhaseMapping, attribute.ApplicationSyntaxReference?.GetSyntax(plugin.CancellationToken).GetLocation(),
                    $"{what} sets {string.Join(", ", ignored)}, which only apply to failure phases, but maps to {PhaseName(phase)}; remove them or map to a failure phase");
            }
        }

        return phase;
    }

    private const int FailurePhaseRetryable = 7;
    private const int FailurePhasePermanent = 8;

    private static string PhaseName(int phase) => "TaskPhase." + KnownNames.TaskPhases[phase];

    private static IEnumerable<AttributeData> StringMappings(PluginUnderAnalysis plugin) =>
        plugin.Type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.PhaseMappingAttribute);

    private static Location SourceLocation(ISymbol member, PluginUnderAnalysis plugin) =>
        member.Locations.FirstOrDefault(l => l.IsInSource) ?? plugin.ClassLocation;

    private static List<(ISymbol Member, ITypeSymbol Type)> MembersWith(ITypeSymbol type, string attribute)
    {
        var found = new List<(ISymbol, ITypeSymbol)>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || !member.HasAttribute(attribute))
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol { IsIndexer: false } property:
                        found.Add((property, property.Type));
                        break;
                    case IFieldSymbol field:
                        found.Add((field, field.Type));
                        break;
                }
            }
        }

        return found;
    }

    private static bool IsReadable(ISymbol member) =>
        member.IsAccessibleFromAssembly()
        && (member is not IPropertySymbol property || (property.GetMethod is { } getter && getter.IsAccessibleFromAssembly()));
}
