using System.Linq;
using AsyncPluginGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// APG0018: the resource member marked [TaskInfoSource], whose TaskInfo the generated Status passes with every phase.
/// An unusable one is reported and ignored rather than stopping the plugin: without it the phases are still right,
/// they only lack their details.
/// </summary>
internal static class TaskInfoSourceInspector
{
    /// <summary>The member the generated Status reads; null when there is none, or none it can use (each reason reported).</summary>
    /// <param name="target">The plugin.</param>
    /// <param name="problems">Receives what is wrong.</param>
    /// <param name="resource">The Resource type.</param>
    public static ISymbol? Inspect(PluginTarget target, Problems problems, ITypeSymbol resource)
    {
        var marked = ResourceMembers.With(resource, target.Known.TaskInfoSourceAttribute);
        if (marked.Count > 1)
        {
            // Picking one would silently drop the details of the others; the author decides which one the phases carry.
            foreach (var (member, _) in marked)
            {
                Report(target, problems, member,
                    $"{marked.Count} members of '{resource.Name}' are marked [TaskInfoSource] ({string.Join(", ", marked.Select(m => m.Member.Name))}); keep it on exactly one");
            }

            return null;
        }

        if (marked.Count == 0)
        {
            return null;
        }

        var (source, type) = marked[0];
        if (!KnownTypes.Is(type, target.Known.TaskInfo))
        {
            Report(target, problems, source, $"its type is '{type.ToDisplayString()}', not TaskInfo; build a TaskInfo in Get and keep it in a TaskInfo (or TaskInfo?) member");
            return null;
        }

        if (!ResourceMembers.IsReadable(source))
        {
            Report(target, problems, source, "it is not readable from the plugin's assembly; make it (and its getter) public or internal");
            return null;
        }

        return source;
    }

    /// <summary>Reports every [TaskInfoSource] member of a plugin whose Status is handwritten: the generated forwarder never reads it.</summary>
    /// <param name="target">The plugin.</param>
    /// <param name="problems">Receives what is wrong.</param>
    /// <param name="resource">The Resource type.</param>
    public static void ReportIgnoredByHandwrittenStatus(PluginTarget target, Problems problems, ITypeSymbol resource)
    {
        foreach (var (member, _) in ResourceMembers.With(resource, target.Known.TaskInfoSourceAttribute))
        {
            Report(target, problems, member,
                $"the plugin writes Status itself, so only that Status decides what its phases carry; pass the member there (info: resource.{member.Name}) and remove the attribute");
        }
    }

    private static void Report(PluginTarget target, Problems problems, ISymbol member, string why) =>
        problems.Report(ProblemIds.IgnoredTaskInfoSource, target.LocationOf(member), member.Name, target.Name, why);
}
