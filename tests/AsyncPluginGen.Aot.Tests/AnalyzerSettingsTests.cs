using System.Text.Json;
using AsyncPluginGen.Aot.Tests.Infrastructure;

namespace AsyncPluginGen.Aot.Tests;

/// <summary>
/// The trim and AOT analyzers run in every ordinary build of the sample and of the library, not only at publish, so a
/// reflection-based call fails <c>dotnet build</c> (warnings are errors); in the plugin library that includes the code
/// the generator wrote. Read by MSBuild evaluation of the projects.
/// </summary>
public sealed class AnalyzerSettingsTests
{
    private static readonly TimeSpan EvaluationLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task TheSample_PublishesAot_WithTheAotTrimAndSingleFileAnalyzersOn()
    {
        var properties = await EvaluateAsync(RepositoryRoot.AotSampleProject, "PublishAot", "EnableAotAnalyzer", "EnableTrimAnalyzer", "EnableSingleFileAnalyzer", "InvariantGlobalization", "TreatWarningsAsErrors");

        Assert.All(properties, p => Assert.True(p.Value == "true", $"{p.Key} is '{p.Value}' in the sample"));
    }

    [Fact]
    public async Task TheLibrary_IsAotCompatibleAndTrimmable_WithTheAnalyzersOn()
    {
        var properties = await EvaluateAsync(RepositoryRoot.LibraryProject, "IsAotCompatible", "IsTrimmable", "EnableAotAnalyzer", "EnableTrimAnalyzer", "EnableSingleFileAnalyzer", "EnableConfigurationBindingGenerator", "TreatWarningsAsErrors");

        Assert.All(properties, p => Assert.True(p.Value == "true", $"{p.Key} is '{p.Value}' in the library"));
    }

    [Theory]
    [InlineData("AsyncPluginGen.Samples")]
    [InlineData("AsyncPluginGen.Samples.FakeServices")]
    public async Task TheProjectsTheSampleCompiles_AreAotCompatible_SoGeneratedPluginCodeIsAnalyzedToo(string name)
    {
        var project = Path.Combine(RepositoryRoot.Path, "samples", name, name + ".csproj");

        var properties = await EvaluateAsync(project, "IsAotCompatible", "EnableAotAnalyzer", "EnableTrimAnalyzer");

        Assert.All(properties, p => Assert.True(p.Value == "true", $"{p.Key} is '{p.Value}' in {name}"));
    }

    private static async Task<Dictionary<string, string>> EvaluateAsync(string project, params string[] names)
    {
        var run = await ProcessRunner.RunAsync("dotnet", ["msbuild", project, "-nologo", .. names.Select(n => "-getProperty:" + n)], EvaluationLimit);
        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var properties = json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        Assert.Equal(names.Order(StringComparer.Ordinal), properties.Keys.Order(StringComparer.Ordinal));
        return properties;
    }
}
