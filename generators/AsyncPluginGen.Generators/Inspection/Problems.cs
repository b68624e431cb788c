using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// Where the inspection puts what it finds. The analyzers collect; the generator passes <see cref="Discard"/>, since
/// it only needs the model and must not keep locations.
/// </summary>
internal sealed class Problems
{
    private readonly List<Problem>? _found;
    private readonly Location? _relocation;

    private Problems(List<Problem>? found, Location? relocation)
    {
        _found = found;
        _relocation = relocation;
    }

    /// <summary>Drops everything: for the generator, and for findings another analyzer action reports.</summary>
    public static Problems Discard { get; } = new(null, null);

    public static Problems Collect() => new(new List<Problem>(), null);

    public IReadOnlyList<Problem> All => (IReadOnlyList<Problem>?)_found ?? System.Array.Empty<Problem>();

    /// <summary>The same collection, with every problem reported at <paramref name="location"/> instead (a member of a referenced assembly has no source location).</summary>
    public Problems RelocatedTo(Location location) => _found is null ? this : new Problems(_found, location);

    public void Report(string id, Location location, params object?[] arguments) =>
        Report(id, location, ImmutableDictionary<string, string?>.Empty, arguments);

    public void Report(string id, Location location, ImmutableDictionary<string, string?> properties, params object?[] arguments) =>
        _found?.Add(new Problem(id, _relocation ?? location, properties, arguments));
}
