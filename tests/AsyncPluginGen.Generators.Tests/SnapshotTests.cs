using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>The emitted code of representative plugins, compared with approved snapshots in Snapshots/.</summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> Cases => new(PluginSources.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_matches_the_approved_snapshot(string name)
    {
        var outcome = GeneratorHarness.RunClean(PluginSources.All[name]);

        Assert.NotEmpty(outcome.HintNames);
        foreach (var source in outcome.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            Snapshot.Verify(source.SourceText.ToString(), $"{name}.{source.HintName.Replace(".g.cs", "", StringComparison.Ordinal)}");
        }
    }
}
