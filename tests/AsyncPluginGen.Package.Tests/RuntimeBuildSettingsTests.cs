using System.Text.Json;
using AsyncPluginGen.Package.Tests.Infrastructure;
using Xunit;

namespace AsyncPluginGen.Package.Tests;

/// <summary>The runtime builds with the trim, AOT and single-file analyzers on, and their warnings are errors.</summary>
public sealed class RuntimeBuildSettingsTests
{
    [Fact]
    public async Task Runtime_builds_trimmable_and_AOT_compatible_with_the_analyzers_on_and_warnings_as_errors()
    {
        string[] names = ["IsTrimmable", "IsAotCompatible", "EnableTrimAnalyzer", "EnableAotAnalyzer", "EnableSingleFileAnalyzer", "TreatWarningsAsErrors"];

        var result = await DotNetCli.RunAsync(RepositoryLayout.Root, ["msbuild", RepositoryLayout.RuntimeProject, .. names.Select(n => "-getProperty:" + n)]);
        Assert.True(result.ExitCode == 0, result.ToString());

        using var json = JsonDocument.Parse(result.Output[result.Output.IndexOf('{')..]);
        var properties = json.RootElement.GetProperty("Properties");
        Assert.All(names, name => Assert.True(
            string.Equals(properties.GetProperty(name).GetString(), "true", StringComparison.OrdinalIgnoreCase),
            $"{name} is '{properties.GetProperty(name).GetString()}' for src/AsyncPluginGen"));
    }
}
