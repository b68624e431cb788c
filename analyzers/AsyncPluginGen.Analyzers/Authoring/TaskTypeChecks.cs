using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>APG0007: no two plugins of the compilation serve the same task type (each plugin's claims come from the inspection).</summary>
internal static class TaskTypeChecks
{
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
