using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Docs.Tests.Infrastructure;

/// <summary>
/// What a doc example compiles against: everything this test process can load (the shared framework with ASP.NET Core,
/// the runtime, AsyncPluginGen.Flyte, Microsoft.Extensions.*), as a consumer's application would. The compiler, the
/// generator, the analyzers and the test framework are left out: a doc example must not see them.
/// </summary>
public static class DocReferences
{
    private static readonly string[] Excluded = ["Microsoft.CodeAnalysis", "AsyncPluginGen.Generators", "AsyncPluginGen.Analyzers", "AsyncPluginGen.Docs.Tests", "xunit", "testhost", "Microsoft.TestPlatform", "Microsoft.VisualStudio"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    /// <summary>The references, one per assembly name.</summary>
    public static ImmutableArray<MetadataReference> References => All.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        // The trusted platform assemblies are the shared frameworks plus every dependency in the test's deps.json.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return
        [
            .. paths
                .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Where(path => !Excluded.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                .DistinctBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
        ];
    }
}
