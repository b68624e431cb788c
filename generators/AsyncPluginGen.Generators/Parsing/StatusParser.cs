using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>
/// Decides how Status is computed: the author's handwritten Status, or a mapping from the resource's
/// [PhaseSource] member (enum members with [Phase], or string states with [PhaseMapping] on the class).
/// </summary>
internal static class StatusParser
{
    private const string UnmappedCode = "UnmappedState";

    /// <summary>The status model, or null when Status cannot be computed (the analyzers report why).</summary>
    /// <param name="plugin">The plugin class.</param>
    /// <param name="meta">The ResourceMeta type.</param>
    /// <param name="resource">The Resource type.</param>
    /// <param name="usage">Receives every symbol the generated Status names.</param>
    public static StatusModel? Parse(INamedTypeSymbol plugin, ITypeSymbol meta, ITypeSymbol resource, UsageScanner usage)
    {
        var handwritten = HandlerParser.Candidates(plugin, "Status").Where(m => m.Name == "Status").ToList();
        if (handwritten.Count > 0)
        {
            var parsed = handwritten.Select(m => (Method: m, Model: HandlerParser.ParseStatus(m, meta, resource))).Where(h => h.Model is not null).ToList();
            if (parsed.Count != 1)
            {
                return null;
            }

            usage.Add(parsed[0].Method);
            return new StatusModel(StatusKind.Handwritten, parsed[0].Model, null, null, null, null, false, EquatableArray<PhaseCaseModel>.Empty, null);
        }

        var sources = ResourceMembers.With(resource, KnownNames.PhaseSourceAttribute);
        if (sources.Count != 1 || !ResourceMembers.IsReadable(sources[0].Member))
        {
            return null;
        }

        var (source, sourceType) = sources[0];
        var messageMember = ResourceMembers.With(resource, KnownNames.PhaseMessageAttribute)
            .FirstOrDefault(m => m.Type.SpecialType == SpecialType.System_String && ResourceMembers.IsReadable(m.Member)).Member;
        var message = messageMember is null ? null : Access(resource, messageMember);
        usage.Add(source).Add(messageMember);
        var defaultAttribute = plugin.GetAttribute(KnownNames.DefaultPhaseAttribute);
        var defaultCase = defaultAttribute is null ? null : ParseCase("default", defaultAttribute, phaseIndex: 0, UnmappedCode);
        if (defaultAttribute is not null && defaultCase is null)
        {
            return null;
        }

        var enumType = sourceType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            ? ((INamedTypeSymbol)sourceType).TypeArguments[0]
            : sourceType;
        if (enumType.TypeKind == TypeKind.Enum)
        {
            var cases = EnumCases((INamedTypeSymbol)enumType, usage);
            return cases is null
                ? null
                : new StatusModel(StatusKind.EnumState, null, Access(resource, source), sourceType.ToTypeName(), enumType.ToTypeName(), message, false, cases.Value, defaultCase);
        }

        if (sourceType.SpecialType == SpecialType.System_String)
        {
            var ignoreCase = AttributeReader.Named(source.GetAttribute(KnownNames.PhaseSourceAttribute)!, "IgnoreCase", false);
            var cases = StringCases(plugin, ignoreCase);
            return cases is null
                ? null
                : new StatusModel(StatusKind.StringState, null, Access(resource, source), "string?", null, message, ignoreCase, cases.Value, defaultCase);
        }

        return null;
    }

    private static EquatableArray<PhaseCaseModel>? EnumCases(INamedTypeSymbol enumType, UsageScanner usage)
    {
        var seen = new HashSet<object>();
        var cases = new List<PhaseCaseModel>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            // Aliases share a value; a second case label for it would not compile, so the first member wins.
            if (!seen.Add(field.ConstantValue!))
            {
                continue;
            }

            var attribute = field.GetAttribute(KnownNames.PhaseAttribute);
            if (attribute is null)
            {
                continue;
            }

            var phaseCase = ParseCase(field.Name, attribute, phaseIndex: 0, field.Name);
            if (phaseCase is null)
            {
                return null;
            }

            usage.Add(field);
            cases.Add(phaseCase);
        }

        return cases.ToEquatableArray();
    }

    private static EquatableArray<PhaseCaseModel>? StringCases(INamedTypeSymbol plugin, bool ignoreCase)
    {
        var seen = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var cases = new List<PhaseCaseModel>();
        foreach (var attribute in plugin.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.PhaseMappingAttribute))
        {
            if (!AttributeReader.TryConstructor<string>(attribute, 0, out var state))
            {
                return null;
            }

            if (!seen.Add(state))
            {
                continue;
            }

            var phaseCase = ParseCase(state, attribute, phaseIndex: 1, state);
            if (phaseCase is null)
            {
                return null;
            }

            cases.Add(phaseCase);
        }

        return cases.ToEquatableArray();
    }

    /// <summary>Reads a mapping whose TaskPhase is the constructor argument at <paramref name="phaseIndex"/>.</summary>
    private static PhaseCaseModel? ParseCase(string state, AttributeData attribute, int phaseIndex, string defaultName)
    {
        if (attribute.ConstructorArguments.Length <= phaseIndex
            || attribute.ConstructorArguments[phaseIndex] is not { Kind: TypedConstantKind.Enum, Value: IConvertible raw })
        {
            return null;
        }

        var phase = raw.ToInt32(CultureInfo.InvariantCulture);
        if (phase < 0 || phase >= KnownNames.TaskPhases.Length)
        {
            return null;
        }

        var reason = AttributeReader.NamedString(attribute, "Reason");
        var kind = AttributeReader.NamedEnum(attribute, "Kind", 1);
        return new PhaseCaseModel(
            state,
            KnownNames.TaskPhases[phase],
            AttributeReader.NamedString(attribute, "Code") is { Length: > 0 } code ? code : defaultName,
            reason is { Length: > 0 } ? reason : defaultName,
            reason is { Length: > 0 },
            kind == 2,
            AttributeReader.Named(attribute, "Cleanup", false));
    }

    /// <summary>Reads the member from <c>resource</c>, through a cast when a more derived member of the same name hides it.</summary>
    private static string Access(ITypeSymbol resource, ISymbol member)
    {
        var name = SymbolExtensions.EscapeIdentifier(member.Name);
        for (var type = resource; type is not null && !type.SameType(member.ContainingType); type = type.BaseType)
        {
            if (!type.GetMembers(member.Name).IsEmpty)
            {
                return $"(({member.ContainingType.ToTypeName()})resource).{name}";
            }
        }

        return $"resource.{name}";
    }
}
