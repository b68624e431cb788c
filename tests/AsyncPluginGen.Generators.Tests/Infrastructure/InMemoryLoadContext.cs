using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Tests.Infrastructure;

/// <summary>
/// A collectible load context for several assemblies emitted in memory that reference each other; everything
/// else (the runtime, the BCL) resolves from the test's own context, so interface types are shared.
/// </summary>
internal sealed class InMemoryLoadContext : AssemblyLoadContext
{
    private readonly Dictionary<string, byte[]> _images = new(StringComparer.Ordinal);

    public InMemoryLoadContext()
        : base("in-memory", isCollectible: true)
    {
    }

    /// <summary>Emits a compilation, keeps its image for later resolution, and returns a reference to it for dependants.</summary>
    public MetadataReference Add(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var image = stream.ToArray();
        _images[compilation.AssemblyName!] = image;
        return MetadataReference.CreateFromImage(image);
    }

    public Assembly Get(string name) => LoadFromAssemblyName(new AssemblyName(name));

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _images.TryGetValue(name, out var image) ? LoadFromStream(new MemoryStream(image)) : null;
}
