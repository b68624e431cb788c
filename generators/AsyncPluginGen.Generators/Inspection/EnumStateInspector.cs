using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// The members of a state enum: their [Phase] mappings (APG0015 for phases outside TaskPhase, failure settings on
/// other phases, and aliases whose own mapping is ignored) and the unmapped ones (APG0010, when a plugin mapping the
/// enum has no [DefaultPhase]). Members sharing a value are one state, as in a C# <c>switch</c>: the first member
/// declared decides.
/// </summary>
internal static class EnumStateInspector
{
    /// <param name="enumType">The enum.</param>
    /// <param name="known">The known types.</param>
    /// <param name="pluginWithoutDefault">A plugin mapping the enum without [DefaultPhase], named by APG0010; null when every such plugin has one.</param>
    /// <param name="problems">Receives APG0010 and APG0015.</param>
    public static EnumStates Inspect(INamedTypeSymbol enumType, KnownTypes known, string? pluginWithoutDefault, Problems problems)
    {
        var first = new Dictionary<object, (IFieldSymbol Field, int? Phase)>();
        var cases = new List<PhaseCaseModel>();
        var values = new List<long>();
        var valuesFit = true;
        var unmapped = new List<string>();
        var used = new List<IFieldSymbol>();
        var usable = true;
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            var location = field.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
            var attribute = KnownTypes.Attribute(field, known.PhaseAttribute);
            var what = $"[Phase] on '{enumType.Name}.{field.Name}'";
            var value = field.ConstantValue!;
            if (first.TryGetValue(value, out var earlier))
            {
                // An alias: a second case label for the value would not compile, so the first member decides.
                var phase = attribute is null ? null : PhaseCaseReader.Phase(attribute, 0, what, problems);
                if (phase is not null && phase != earlier.Phase)
                {
                    problems.Report(ProblemIds.InvalidPhaseMapping, location, earlier.Phase is { } earlierPhase
                        ? $"'{enumType.Name}.{field.Name}' has the same value as '{earlier.Field.Name}', so it maps to TaskPhase.{KnownNames.TaskPhases[earlierPhase]} like it; its own [Phase] is ignored"
                        : $"'{enumType.Name}.{field.Name}' has the same value as '{earlier.Field.Name}', which has no [Phase], so its own [Phase] is ignored; map '{earlier.Field.Name}' instead");
                }

                continue;
            }

            if (attribute is null)
            {
                first[value] = (field, null);
                unmapped.Add(field.Name);
                used.Add(field);
                if (pluginWithoutDefault is not null)
                {
                    problems.Report(ProblemIds.UnmappedEnumState, location, field.Name, enumType.Name, pluginWithoutDefault);
                }

                continue;
            }

            var phaseCase = PhaseCaseReader.Read(field.Name, attribute, 0, field.Name, what, problems);
            if (phaseCase is null)
            {
                usable = false;
                first[value] = (field, null);
                continue;
            }

            first[value] = (field, System.Array.IndexOf(KnownNames.TaskPhases, phaseCase.Phase));
            used.Add(field);
            cases.Add(phaseCase);
            if (value is ulong big && big > long.MaxValue)
            {
                valuesFit = false;
            }
            else
            {
                values.Add(System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return new EnumStates(usable ? cases.ToEquatableArray() : null, valuesFit ? values.ToEquatableArray() : default(EquatableArray<long>), unmapped.ToEquatableArray(), used);
    }
}
