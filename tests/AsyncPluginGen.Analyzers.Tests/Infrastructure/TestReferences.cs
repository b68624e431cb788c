using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace AsyncPluginGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// References for test compilations: .NET 8 reference assemblies from a package (so the testing library downloads
/// nothing) plus the AsyncPluginGen runtime.
/// </summary>
internal static class TestReferences
{
    /// <summary>A target framework with no package to resolve; the references come from <see cref="All"/>.</summary>
    public static readonly ReferenceAssemblies None = new("net8.0");

    public static readonly MetadataReference[] All =
    [
        .. Net80.References.All,
        MetadataReference.CreateFromFile(typeof(PhaseInfo).Assembly.Location),
    ];
}
