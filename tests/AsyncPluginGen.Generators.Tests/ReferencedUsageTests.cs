using System.IO;
using AsyncPluginGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// [Experimental] and [Obsolete(error: true)] on types from a referenced assembly (read once per compilation and
/// shared by its plugins) count as they do on the author's own types: the experimental id is suppressed in every
/// plugin file that names the type, and an obsolete-as-error type leaves its plugin ungenerated.
/// </summary>
public sealed class ReferencedUsageTests
{
    private const string Library = """
        namespace Lib;

        [System.Diagnostics.CodeAnalysis.Experimental("LIB001")]
        public sealed record PreviewRef(string Id);

        [System.Obsolete("Use PreviewRef.", error: true)]
        public sealed record RetiredRef(string Id);
        """;

    private const string Plugins = """
        #pragma warning disable LIB001, CS0619
        using AsyncPluginGen;
        using Lib;

        namespace Uses;

        public sealed record Job([property: PhaseSource] string? State);

        [AsyncPlugin("first")]
        [PhaseMapping("DONE", TaskPhase.Success)]
        public sealed partial class FirstPlugin
        {
            public PreviewRef Create(TaskContext task) => new(task.UniqueName);
            public Job Get(PreviewRef job) => new("DONE");
            public void Delete(PreviewRef job) { }
        }

        [AsyncPlugin("second")]
        [PhaseMapping("DONE", TaskPhase.Success)]
        public sealed partial class SecondPlugin
        {
            public PreviewRef Create(TaskContext task) => new(task.UniqueName);
            public Job Get(PreviewRef job) => new("DONE");
            public void Delete(PreviewRef job) { }
        }

        [AsyncPlugin("retired")]
        [PhaseMapping("DONE", TaskPhase.Success)]
        public sealed partial class RetiredPlugin
        {
            public RetiredRef Create(TaskContext task) => new(task.UniqueName);
            public Job Get(RetiredRef job) => new("DONE");
            public void Delete(RetiredRef job) { }
        }
        """;

    [Fact]
    public void Marks_on_a_referenced_assemblys_types_reach_every_plugin_that_uses_them()
    {
        var outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation("Uses", [LibraryImage()], Plugins));

        Assert.Contains("#pragma warning disable LIB001", outcome.Source("Uses.FirstPlugin.g.cs"), StringComparison.Ordinal);
        Assert.Contains("#pragma warning disable LIB001", outcome.Source("Uses.SecondPlugin.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("Uses.RetiredPlugin.g.cs", outcome.HintNames);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }

    /// <summary>The library as metadata (an emitted image), not as a compilation: its symbols have no syntax here.</summary>
    private static MetadataReference LibraryImage()
    {
        using var image = new MemoryStream();
        var result = GeneratorHarness.CreateCompilation("Lib", (IEnumerable<MetadataReference>?)null, Library).Emit(image);
        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
