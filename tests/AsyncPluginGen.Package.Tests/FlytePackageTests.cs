using System.IO.Compression;
using System.Xml.Linq;
using AsyncPluginGen.Tests.Shared;
using Xunit;

namespace AsyncPluginGen.Package.Tests;

/// <summary>The AsyncPluginGen.Flyte package, packed as it ships: its contents and its dependencies.</summary>
public sealed class FlytePackageTests : IClassFixture<FlytePackageTests.Packed>
{
    private readonly Packed _packed;

    public FlytePackageTests(Packed packed) => _packed = packed;

    [Fact]
    public void Package_holds_the_library_its_docs_and_readme_and_nothing_else()
    {
        using var package = ZipFile.OpenRead(_packed.PackagePath);
        var content = package.Entries
            .Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["AsyncPluginGen.Flyte.nuspec", "README.md", "lib/net8.0/AsyncPluginGen.Flyte.dll", "lib/net8.0/AsyncPluginGen.Flyte.xml"], content);
    }

    [Fact]
    public void Package_depends_on_the_runtime_of_the_same_version_and_on_grpc_but_not_on_the_build_tools()
    {
        using var package = ZipFile.OpenRead(_packed.PackagePath);
        using var stream = package.GetEntry("AsyncPluginGen.Flyte.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);

        Assert.Equal(RepositoryRoot.Version, dependencies["AsyncPluginGen"]);
        Assert.Equal("2.85.0", dependencies["Grpc.AspNetCore"]);
        Assert.Equal("3.36.2", dependencies["Google.Protobuf"]);
        Assert.DoesNotContain("Grpc.Tools", dependencies.Keys);
        Assert.Equal("AsyncPluginGen.Flyte", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "frameworkReference" && (string?)e.Attribute("name") == "Microsoft.AspNetCore.App");
    }

    /// <summary>Packs src/AsyncPluginGen.Flyte once, in Release, under an artifacts folder of its own.</summary>
    public sealed class Packed : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "apg-flyte-package-" + Guid.NewGuid().ToString("N")[..12]);

        public string PackagePath => Path.Combine(_root, "feed", $"AsyncPluginGen.Flyte.{RepositoryRoot.Version}.nupkg");

        public async Task InitializeAsync()
        {
            var project = Path.Combine(RepositoryRoot.Path, "src", "AsyncPluginGen.Flyte", "AsyncPluginGen.Flyte.csproj");
            var pack = await ProcessRunner.RunAsync("dotnet", ["pack", project, "-c", "Release", "--artifacts-path", Path.Combine(_root, "artifacts"), "-o", Path.Combine(_root, "feed")], TimeSpan.FromMinutes(5));
            if (pack.Exit != 0 || !File.Exists(PackagePath))
            {
                throw new InvalidOperationException($"dotnet pack did not produce {PackagePath}: {pack}");
            }
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
    }
}
