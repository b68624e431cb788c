using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>APG0008: every plugin serves at least one non-empty task type; a task type listed twice is served once.</summary>
internal static class TaskTypeInspector
{
    /// <summary>
    /// The distinct valid task types, in declaration order (the plugin's claims, for APG0007). <paramref name="generatable"/>
    /// is false when the plugin cannot be generated: no task type, or a null, empty or erroneous one. A duplicate is
    /// reported but does not stop generation.
    /// </summary>
    public static List<string> Inspect(PluginTarget target, Problems problems, out bool generatable)
    {
        generatable = false;
        var attribute = target.Attribute;
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return new List<string>(); // A compile error already explains a malformed attribute.
        }

        var values = attribute.ConstructorArguments[0].Values;
        if (values.IsDefaultOrEmpty)
        {
            problems.Report(ProblemIds.InvalidTaskType, target.AttributeLocation, target.Name, "declares no task type");
            return new List<string>();
        }

        generatable = true;
        var taskTypes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value.Kind == TypedConstantKind.Error || value.Value is not string taskType || string.IsNullOrWhiteSpace(taskType))
            {
                problems.Report(ProblemIds.InvalidTaskType, target.AttributeLocation, target.Name, "declares a null or empty task type");
                generatable = false;
                continue;
            }

            if (!seen.Add(taskType))
            {
                problems.Report(ProblemIds.InvalidTaskType, target.AttributeLocation, target.Name, $"lists task type '{taskType}' twice");
                continue;
            }

            taskTypes.Add(taskType);
        }

        return taskTypes;
    }
}
