using AsyncPluginGen.Tests.Shared;

namespace AsyncPluginGen.Package.Tests.Infrastructure;

/// <summary>One copy of the consumer project, restoring AsyncPluginGen from the test feed.</summary>
/// <param name="Directory">Its folder.</param>
/// <param name="PackageVersion">The AsyncPluginGen version it references.</param>
public sealed record ConsumerProject(string Directory, string PackageVersion)
{
    /// <summary>Restores and builds it; <paramref name="properties"/> are MSBuild properties (name=value).</summary>
    public Task<ProcessRunner.Result> BuildAsync(params string[] properties) =>
        ProcessRunner.RunAsync("dotnet", ["build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false", $"-p:AsyncPluginGenVersion={PackageVersion}", .. properties.Select(p => "-p:" + p)], PackageFeed.DotNetLimit, Directory);

    /// <summary>Runs the built program.</summary>
    public Task<ProcessRunner.Result> RunAsync() =>
        ProcessRunner.RunAsync("dotnet", ["exec", Path.Combine(Directory, "bin", "Release", "net10.0", "Consumer.dll")], PackageFeed.DotNetLimit, Directory);

    /// <summary>The packages restored for it (its own folder, see <see cref="PackageFeed"/>).</summary>
    public string PackagesDirectory => Path.Combine(Directory, "packages");
}
