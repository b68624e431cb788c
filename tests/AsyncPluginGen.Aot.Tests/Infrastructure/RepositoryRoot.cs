namespace AsyncPluginGen.Aot.Tests.Infrastructure;

/// <summary>The repository's root folder, found by walking up from the test binaries to <c>AsyncPluginGen.sln</c>.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The root folder.</summary>
    public static string Path => Root.Value;

    /// <summary>The AOT sample's project file.</summary>
    public static string SampleProject => System.IO.Path.Combine(Path, "samples", "AsyncPluginGen.AotSample", "AsyncPluginGen.AotSample.csproj");

    /// <summary>The runtime library's project file.</summary>
    public static string LibraryProject => System.IO.Path.Combine(Path, "src", "AsyncPluginGen", "AsyncPluginGen.csproj");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AsyncPluginGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AsyncPluginGen.sln above {AppContext.BaseDirectory}.");
    }
}
