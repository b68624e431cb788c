using System;
using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// APG0010–APG0013, APG0015 and APG0018: how Status is computed. Either the author wrote Status, or exactly one
/// readable [PhaseSource] member of the resource holds an enum state (members mapped with [Phase]) or a string state
/// (mapped with [PhaseMapping] on the plugin class); a [TaskInfoSource] member supplies the details of every phase.
/// </summary>
internal static class StatusInspector
{
    private const string UnmappedCode = "UnmappedState";

    /// <summary>The status model; null when Status cannot be computed.</summary>
    /// <param name="target">The plugin.</param>
    /// <param name="problems">Receives what is wrong.</param>
    /// <param name="meta">The ResourceMeta type.</param>
    /// <param name="resource">The Resource type.</param>
    /// <param name="usage">Receives every symbol the generated Status names.</param>
    public static StatusModel? Inspect(PluginTarget target, Problems problems, ITypeSymbol meta, ITypeSymbol resource, UsageScanner usage)
    {
        var known = target.Known;
        var handwritten = HandlerParser.Candidates(target.Type, "Status").Where(m => m.Name == "Status").ToList();
        if (handwritten.Count > 0)
        {
            TaskInfoSourceInspector.ReportIgnoredByHandwrittenStatus(target, problems, resource);
            return Handwritten(target, problems, handwritten, meta, resource, usage);
        }

        var sources = ResourceMembers.With(resource, known.PhaseSourceAttribute);
        if (sources.Count == 0)
        {
            problems.Report(ProblemIds.NoStatusSource, target.ClassLocation, target.Name, resource.ToDisplayString());
            return null;
        }

        if (sources.Count > 1)
        {
            foreach (var (member, _) in sources)
            {
                problems.Report(ProblemIds.InvalidPhaseSource, target.LocationOf(member), member.Name, target.Name,
                    $"{sources.Count} members of '{resource.Name}' are marked [PhaseSource] ({string.Join(", ", sources.Select(s => s.Member.Name))}); keep it on exactly one");
            }

            return null;
        }

        var (source, sourceType) = sources[0];
        if (!ResourceMembers.IsReadable(source))
        {
            problems.Report(ProblemIds.InvalidPhaseSource, target.LocationOf(source), source.Name, target.Name,
                "it is not readable from the plugin's assembly; make it (and its getter) public or internal");
            return null;
        }

        var messageMember = MessageMember(target, problems, resource);
        var message = messageMember is null ? null : Access(resource, messageMember);
        var infoMember = TaskInfoSourceInspector.Inspect(target, problems, resource);
        var info = infoMember is null ? null : Access(resource, infoMember);
        usage.Add(source).Add(messageMember).Add(infoMember);

        var defaultAttribute = KnownTypes.Attribute(target.Type, known.DefaultPhaseAttribute);
        var defaultCase = defaultAttribute is null ? null : PhaseCaseReader.Read("default", defaultAttribute, 0, UnmappedCode, "[DefaultPhase]", problems);
        var usable = defaultAttribute is null || defaultCase is not null;

        var enumType = sourceType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            ? ((INamedTypeSymbol)sourceType).TypeArguments[0]
            : sourceType;
        if (enumType is INamedTypeSymbol { TypeKind: TypeKind.Enum } stateEnum)
        {
            foreach (var mapping in KnownTypes.Attributes(target.Type, known.PhaseMappingAttribute))
            {
                problems.Report(ProblemIds.InvalidPhaseMapping, target.LocationOf(mapping),
                    $"[PhaseMapping] on plugin '{target.Name}' is ignored because its state '{source.Name}' is the enum '{stateEnum.Name}'; map enum members with [Phase] instead");
            }

            // A source enum's members are reported by the analyzers' action on the enum itself, so those diagnostics
            // are local to it; an enum from a referenced assembly has no source, so its problems point at the plugin.
            var enumProblems = stateEnum.Locations.Any(l => l.IsInSource) ? Problems.Discard : problems.RelocatedTo(target.ClassLocation);
            var states = EnumStateInspector.Inspect(stateEnum, known, defaultAttribute is null ? target.Name : null, enumProblems);
            usage.AddRange(states.UsedFields);
            return usable && states.Cases is { } cases
                ? new EnumStatusModel(Access(resource, source), message, info, cases, defaultCase, sourceType.ToTypeName(), stateEnum.ToTypeName(), states.UnmappedMembers, states.CaseValues)
                : null;
        }

        if (sourceType.SpecialType == SpecialType.System_String)
        {
            var ignoreCase = KnownTypes.Attribute(source, known.PhaseSourceAttribute) is { } attribute && AttributeReader.Named(attribute, "IgnoreCase", false);
            var cases = StringCases(target, problems, ignoreCase);
            if (defaultAttribute is null)
            {
                problems.Report(ProblemIds.StringStatesWithoutDefault, target.AttributeLocation, target.Name);
            }

            return usable && cases is { } stringCases
                ? new StringStatusModel(Access(resource, source), message, info, stringCases, defaultCase, ignoreCase)
                : null;
        }

        problems.Report(ProblemIds.InvalidPhaseSource, target.LocationOf(source), source.Name, target.Name,
            $"its type '{sourceType.ToDisplayString()}' is neither an enum nor a string; expose the state as one, or write Status by hand");
        return null;
    }

    private static StatusModel? Handwritten(PluginTarget target, Problems problems, List<IMethodSymbol> methods, ITypeSymbol meta, ITypeSymbol resource, UsageScanner usage)
    {
        var usable = methods.Select(m => (Method: m, Model: HandlerParser.ParseStatus(m, meta, resource, target.Known))).Where(h => h.Model is not null).ToList();
        if (usable.Count > 1)
        {
            HandlerInspector.ReportAmbiguous(target, problems, "Status", usable.Select(u => u.Method).ToList());
            return null;
        }

        if (usable.Count == 1)
        {
            usage.Add(usable[0].Method);
            return usable[0].Model;
        }

        foreach (var method in methods)
        {
            // An async or task-returning Status is APG1004's to report, with a fix.
            if (ReturnShape.Of(method, target.Known).Kind != ReturnKind.Direct)
            {
                continue;
            }

            var why = !KnownTypes.Is(method.ReturnType, target.Known.PhaseInfo)
                ? $"it returns '{method.ReturnType.ToDisplayString()}' instead of PhaseInfo"
                : $"its parameter must be the resource '{resource.ToDisplayString()}' or StatusContext<{meta.ToDisplayString()}, {resource.ToDisplayString()}>";
            problems.Report(ProblemIds.UnusableHandlerSignature, target.LocationOf(method), method.Name, "Status", target.Name, why, HandlerShapes.Status);
        }

        return null;
    }

    /// <summary>The first readable string member marked [PhaseMessage]; one of another type is reported and ignored.</summary>
    private static ISymbol? MessageMember(PluginTarget target, Problems problems, ITypeSymbol resource)
    {
        ISymbol? message = null;
        foreach (var (member, type) in ResourceMembers.With(resource, target.Known.PhaseMessageAttribute))
        {
            if (type.SpecialType != SpecialType.System_String)
            {
                problems.Report(ProblemIds.InvalidPhaseSource, target.LocationOf(member), member.Name, target.Name,
                    $"[PhaseMessage] needs a string, but '{member.Name}' is '{type.ToDisplayString()}'; the generated Status ignores it");
            }
            else if (message is null && ResourceMembers.IsReadable(member))
            {
                message = member;
            }
        }

        return message;
    }

    /// <summary>The [PhaseMapping] cases, first mapping of a state winning; null when one is unusable.</summary>
    private static EquatableArray<PhaseCaseModel>? StringCases(PluginTarget target, Problems problems, bool ignoreCase)
    {
        var usable = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenIgnoringCase = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var cases = new List<PhaseCaseModel>();
        foreach (var mapping in KnownTypes.Attributes(target.Type, target.Known.PhaseMappingAttribute))
        {
            var location = target.LocationOf(mapping);
            if (!AttributeReader.TryConstructor<string>(mapping, 0, out var state))
            {
                // The generated switch needs a constant for every case; the generator skips the plugin.
                problems.Report(ProblemIds.InvalidPhaseMapping, location, $"[PhaseMapping] with a null state on plugin '{target.Name}' is ignored; a missing state is handled by [DefaultPhase]");
                usable = false;
                continue;
            }

            var phaseCase = PhaseCaseReader.Read(state, mapping, 1, state, $"[PhaseMapping(\"{state}\")]", problems);
            var first = seen.Add(state);
            var firstIgnoringCase = seenIgnoringCase.Add(state);
            if (!first)
            {
                problems.Report(ProblemIds.InvalidPhaseMapping, location, $"State \"{state}\" is mapped twice on plugin '{target.Name}'; only the first mapping is used, so remove this one");
                continue;
            }

            if (!firstIgnoringCase && ignoreCase)
            {
                problems.Report(ProblemIds.InvalidPhaseMapping, location, $"State \"{state}\" differs from another mapped state of plugin '{target.Name}' only in case; with [PhaseSource(IgnoreCase = true)] only the first is used");
                continue;
            }

            if (phaseCase is null)
            {
                usable = false;
                continue;
            }

            cases.Add(phaseCase);
        }

        return usable ? cases.ToEquatableArray() : null;
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
