using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// One thing wrong with a plugin declaration, as the analyzers report it: the rule's id, where, and the message
/// arguments. It holds a <see cref="Microsoft.CodeAnalysis.Location"/>, so it never enters the generator's model;
/// the generator ignores problems and the analyzers report them through their descriptors.
/// </summary>
internal sealed class Problem
{
    public Problem(string id, Location location, ImmutableDictionary<string, string?> properties, object?[] arguments)
    {
        Id = id;
        Location = location;
        Properties = properties;
        Arguments = arguments;
    }

    /// <summary>The diagnostic id, one of <see cref="ProblemIds"/>.</summary>
    public string Id { get; }

    public Location Location { get; }

    /// <summary>Properties for code fixes (see the analyzers' DiagnosticProperties).</summary>
    public ImmutableDictionary<string, string?> Properties { get; }

    public object?[] Arguments { get; }

    public override string ToString() => $"{Id} at {Location}: {string.Join(" | ", Arguments)}";
}
