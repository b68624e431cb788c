using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>
/// APG0010 and the enum-member cases of APG0015, checked on the enum itself so the diagnostics are local to it:
/// unmapped members (when a plugin that maps the enum has no [DefaultPhase]), phases outside TaskPhase, and aliases
/// whose own mapping is ignored.
/// </summary>
internal static class EnumStateChecks
{
    /// <summary>Where a check's findings go: the enum's own context, or the plugin's.</summary>
    public delegate void Reporter(DiagnosticDescriptor descriptor, Location location, params object?[] arguments);

    public static void Check(INamedTypeSymbol enumType, IReadOnlyList<(string Plugin, bool HasDefault)> users, Reporter report)
    {
        if (users.Count == 0)
        {
            return;
        }

        var withoutDefault = users.FirstOrDefault(u => !u.HasDefault).Plugin;
        var mappedByValue = new Dictionary<object, (IFieldSymbol Field, int Phase)>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            var location = field.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
            var attribute = field.GetAttribute(KnownNames.PhaseAttribute);
            var phase = attribute is null ? null : PhaseValue(attribute, $"[Phase] on '{enumType.Name}.{field.Name}'", report);
            if (mappedByValue.TryGetValue(field.ConstantValue!, out var first))
            {
                if (phase is not null && phase != first.Phase)
                {
                    report(Descriptors.InvalidPhaseMapping, location,
                        $"'{enumType.Name}.{field.Name}' has the same value as '{first.Field.Name}', so it maps to TaskPhase.{KnownNames.TaskPhases[first.Phase]} like it; its own [Phase] is ignored");
                }

                continue;
            }

            if (phase is not null)
            {
                mappedByValue[field.ConstantValue!] = (field, phase.Value);
            }
            else if (attribute is null && withoutDefault is not null)
            {
                report(Descriptors.UnmappedEnumState, location, field.Name, enumType.Name, withoutDefault);
            }
        }
    }

    /// <summary>The phase of a [Phase] attribute; reports a value outside TaskPhase, or failure settings on a non-failure phase.</summary>
    public static int? PhaseValue(AttributeData attribute, string what, Reporter report, int index = 0)
    {
        if (attribute.ConstructorArguments.Length <= index || attribute.ConstructorArguments[index].Value is not IConvertible raw)
        {
            return null;
        }

        var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
        var phase = raw.ToInt32(CultureInfo.InvariantCulture);
        if (phase < 0 || phase >= KnownNames.TaskPhases.Length)
        {
            report(Descriptors.InvalidPhaseMapping, location,
                $"{what} names phase {phase}, which is not a TaskPhase member; the mapping is ignored, so use one of TaskPhase's members");
            return null;
        }

        // Code, Kind and Cleanup describe a failure; on any other phase the generated Status never uses them.
        if (phase is not (RetryableFailure or PermanentFailure))
        {
            var ignored = attribute.NamedArguments.Select(a => a.Key).Where(k => k is "Code" or "Kind" or "Cleanup").ToList();
            if (ignored.Count > 0)
            {
                report(Descriptors.InvalidPhaseMapping, location,
                    $"{what} sets {string.Join(", ", ignored)}, which only apply to failure phases, but maps to TaskPhase.{KnownNames.TaskPhases[phase]}; remove them or map to a failure phase");
            }
        }

        return phase;
    }

    private const int RetryableFailure = 7;
    private const int PermanentFailure = 8;
}
