using AsyncPluginGen.Tests.Shared;
using Xunit;

namespace AsyncPluginGen.Package.Tests.Infrastructure;

/// <summary>
/// Packs the two runtime packages (AsyncPluginGen.Abstractions and AsyncPluginGen, the host that depends on it) once,
/// in Release as they ship, into a local folder feed, and makes consumer projects that
/// restore from it. Consumers restore into a packages folder of their own, so a package of the same version left in
/// the machine's NuGet cache by an earlier build can never stand in for the one just packed; the machine's cache
/// serves every other package read-only.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    /// <summary>How long one pack, build or run may take before the test fails.</summary>
    public static readonly TimeSpan DotNetLimit = TimeSpan.FromMinutes(5);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "apg-package-tests-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The folder feed holding the .nupkg and .snupkg.</summary>
    public string FeedDirectory => Path.Combine(_root, "feed");

    /// <summary>The package version, from Directory.Build.props.</summary>
    public string Version => RepositoryRoot.Version;

    /// <summary>The host package file (AsyncPluginGen).</summary>
    public string PackagePath => PackageFile("AsyncPluginGen");

    /// <summary>The authoring package file (AsyncPluginGen.Abstractions).</summary>
    public string AbstractionsPackagePath => PackageFile("AsyncPluginGen.Abstractions");

    /// <summary>A package of this version in the feed.</summary>
    /// <param name="id">The package id.</param>
    /// <returns>Its path.</returns>
    public string PackageFile(string id) => Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg");

    /// <summary>The symbols package file of a package.</summary>
    /// <param name="id">The package id.</param>
    /// <returns>Its path.</returns>
    public string SymbolsPackageFile(string id) => Path.Combine(FeedDirectory, $"{id}.{Version}.snupkg");

    /// <summary>What <c>dotnet pack</c> printed, for both packages.</summary>
    public ProcessRunner.Result Pack { get; private set; } = new(-1, "", "", TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        // Built under an artifacts folder of its own (obj/ included), so packing never writes where a concurrent build
        // of the solution, or another test's publish, is writing.
        // Packing the host builds the abstractions too; packing them first, into the same artifacts, reuses that build.
        var abstractions = await PackAsync(RepositoryRoot.AbstractionsProject, AbstractionsPackagePath);
        var host = await PackAsync(RepositoryRoot.LibraryProject, PackagePath);
        Pack = new ProcessRunner.Result(host.Exit, abstractions.Output + "\n" + host.Output, abstractions.Error + "\n" + host.Error, abstractions.Elapsed + host.Elapsed);
    }

    private async Task<ProcessRunner.Result> PackAsync(string project, string expected)
    {
        var pack = await ProcessRunner.RunAsync("dotnet", ["pack", project, "-c", "Release", "--artifacts-path", Path.Combine(_root, "artifacts"), "-o", FeedDirectory], DotNetLimit);
        return pack.Exit == 0 && File.Exists(expected)
            ? pack
            : throw new InvalidOperationException($"dotnet pack did not produce {expected}: {pack}");
    }

    /// <summary>Copies the consumer template into a fresh folder that restores from this feed.</summary>
    /// <param name="name">The consumer's folder name, one per scenario so builds never share obj/.</param>
    public ConsumerProject CreateConsumer(string name)
    {
        var directory = Path.Combine(_root, name);
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "ConsumerTemplate"), directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(directory, "packages")}" />
              </config>
              <packageSources>
                <add key="asyncplugingen-local" value="{FeedDirectory}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine-cache" value="{MachinePackagesFolder()}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return new ConsumerProject(directory, Version);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the temp folder is cleaned by the machine.
        }

        return Task.CompletedTask;
    }

    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}

/// <summary>The tests that share one packed feed.</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "package feed";
}
