using System;
using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Inspection;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>Turns the inspection's problems into diagnostics of the descriptors with the same ids.</summary>
internal static class ProblemReporter
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Descriptors.All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>The descriptor that reports problems of <paramref name="id"/>; null for an id no descriptor has (a test keeps that from happening).</summary>
    public static DiagnosticDescriptor? DescriptorFor(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

    public static void Report(IEnumerable<Problem> problems, Action<Diagnostic> report)
    {
        foreach (var problem in problems)
        {
            if (DescriptorFor(problem.Id) is { } descriptor)
            {
                report(Diagnostic.Create(descriptor, problem.Location, problem.Properties, problem.Arguments));
            }
        }
    }
}
