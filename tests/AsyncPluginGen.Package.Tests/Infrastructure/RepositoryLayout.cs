using System.Xml.Linq;

namespace AsyncPluginGen.Package.Tests.Infrastructure;

/// <summary>Where the repository is, and the facts the tests read from it rather than repeat.</summary>
internal static class RepositoryLayout
{
    /// <summary>The folder holding AsyncPluginGen.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The runtime project that is packed.</summary>
    public static string RuntimeProject => Path.Combine(Root, "src", "AsyncPluginGen", "AsyncPluginGen.csproj");

    /// <summary>The version set in Directory.Build.props, the one place it is set.</summary>
    public static string Version { get; } = ReadVersion();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsyncPluginGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AsyncPluginGen.sln not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    }

    private static string ReadVersion()
    {
        var props = XDocument.Load(Path.Combine(Root, "Directory.Build.props"));
        var versions = props.Descendants("Version").Select(v => v.Value.Trim()).ToList();
        return versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException($"Directory.Build.props must set <Version> exactly once; found {versions.Count}.");
    }
}
