using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>APG0007 and APG0008: every plugin serves at least one non-empty task type, and no two plugins the same.</summary>
internal static class TaskTypeChecks
{
    public static void Check(PluginUnderAnalysis plugin, ConcurrentBag<TaskTypeClaim> claims)
    {
        var attribute = plugin.Attribute;
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return; // A compile error already explains a malformed attribute.
        }

        var values = attribute.ConstructorArguments[0].Values;
        if (values.IsDefaultOrEmpty)
        {
            plugin.Report(Descriptors.InvalidTaskType, plugin.AttributeLocation, plugin.Name, "declares no task type");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value.Value is not string taskType || string.IsNullOrWhiteSpace(taskType))
            {
                plugin.Report(Descriptors.InvalidTaskType, plugin.AttributeLocation, plugin.Name, "declares a null or empty task type");
                continue;
            }

            if (!seen.Add(taskType))
            {
                plugin.Report(Descriptors.InvalidTaskType, plugin.AttributeLocation, plugin.Name, $"lists task type '{taskType}' twice");
                continue;
            }

            claims.Add(new TaskTypeClaim(taskType, plugin.Name, plugin.Type.ToTypeName(), plugin.AttributeLocation));
        }
    }

    /// <summary>Reports each later claim on a task type, naming the plugin that claimed it first (ordinal by full name).</summary>
    public static void ReportDuplicates(CompilationAnalysisContext context, ConcurrentBag<TaskTypeClaim> claims)
    {
        foreach (var group in claims.GroupBy(c => c.TaskType, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(c => c.PluginSortKey, StringComparer.Ordinal).ToList();
            foreach (var duplicate in ordered.Skip(1))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateTaskType, duplicate.Location, group.Key, ordered[0].PluginName, duplicate.PluginName));
            }
        }
    }
}
