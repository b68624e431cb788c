using System.Xml.Linq;

namespace AsyncPluginGen.Tests.Shared;

/// <summary>The repository's root folder, found by walking up from the test binaries to <c>AsyncPluginGen.sln</c>, and the facts tests read from it rather than repeat.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);
    private static readonly Lazy<string> PackageVersion = new(ReadVersion);

    /// <summary>The root folder.</summary>
    public static string Path => Root.Value;

    /// <summary>The authoring library's project file (packed as AsyncPluginGen.Abstractions, with the generator and analyzers).</summary>
    public static string AbstractionsProject => System.IO.Path.Combine(Path, "src", "AsyncPluginGen.Abstractions", "AsyncPluginGen.Abstractions.csproj");

    /// <summary>The host library's project file (the one packed as AsyncPluginGen).</summary>
    public static string LibraryProject => System.IO.Path.Combine(Path, "src", "AsyncPluginGen", "AsyncPluginGen.csproj");

    /// <summary>The Native AOT sample's project file.</summary>
    public static string AotSampleProject => System.IO.Path.Combine(Path, "samples", "AsyncPluginGen.AotSample", "AsyncPluginGen.AotSample.csproj");

    /// <summary>The version set in Directory.Build.props, the one place it is set.</summary>
    public static string Version => PackageVersion.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AsyncPluginGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AsyncPluginGen.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }

    private static string ReadVersion()
    {
        var props = XDocument.Load(System.IO.Path.Combine(Path, "Directory.Build.props"));
        var versions = props.Descendants("Version").Select(v => v.Value.Trim()).ToList();
        return versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException($"Directory.Build.props must set <Version> exactly once; found {versions.Count}.");
    }
}
