using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using AsyncPluginGen.Package.Tests.Infrastructure;
using AsyncPluginGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace AsyncPluginGen.Package.Tests;

/// <summary>
/// A consumer project restores AsyncPluginGen from the packed feed through PackageReference, builds with the SDK's
/// compiler and with an older one, and runs: the host comes from the package, the generator and the analyzers from
/// AsyncPluginGen.Abstractions, which it brings along. A plugin library referencing the abstractions alone builds too.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ConsumerBuildTests(PackageFeed feed, ITestOutputHelper output)
{
    // The oldest Microsoft.Net.Compilers.Toolset the package feed serves; the generator itself targets Roslyn 4.8.
    private const string OlderCompiler = "4.14.0";

    [Fact]
    public async Task Consumer_built_from_the_package_runs_a_generated_plugin_to_Success()
    {
        var consumer = feed.CreateConsumer("sdk");

        var build = await consumer.BuildAsync();
        output.WriteLine(build.ToString());
        Assert.True(build.Exit == 0, "the consumer did not build:\n" + build);
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);
        AssertRestoredFromTheFeed(consumer);

        var run = await consumer.RunAsync();
        output.WriteLine(run.ToString());
        Assert.Equal(0, run.Exit);
        Assert.Contains("plugins: echo -> EchoPlugin", run.Output, StringComparison.Ordinal);
        Assert.Contains("task exec-1: Success, state Succeeded, remote jobs 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugin_library_referencing_only_the_abstractions_gets_the_generator_and_no_hosting_dependency()
    {
        var consumer = feed.CreateConsumer("plugin-library");

        var build = await consumer.BuildAsync("PluginLibraryOnly=true");
        output.WriteLine(build.ToString());
        Assert.True(build.Exit == 0, "the plugin library did not build:\n" + build);
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);

        // The generator ran: the plugin's contract and the assembly's registration were emitted.
        var generated = Directory.EnumerateFiles(Path.Combine(consumer.Directory, "obj"), "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains(generated, name => name!.Contains("EchoPlugin", StringComparison.Ordinal));

        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer.Directory, "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name[..p.Name.IndexOf('/', StringComparison.Ordinal)]).ToList();
        Assert.Contains("AsyncPluginGen.Abstractions", libraries);
        Assert.DoesNotContain("AsyncPluginGen", libraries);
        Assert.DoesNotContain("Microsoft.Extensions.Hosting.Abstractions", libraries);
        Assert.DoesNotContain("Microsoft.Extensions.Options", libraries);
        Assert.DoesNotContain("System.Threading.RateLimiting", libraries);
    }

    [Fact]
    public async Task Network_call_in_Status_fails_the_consumer_build_with_APG1001_from_the_packaged_analyzer()
    {
        var consumer = feed.CreateConsumer("sdk-broken");

        var build = await consumer.BuildAsync("IncludeBrokenPlugin=true");
        output.WriteLine(build.ToString());

        Assert.NotEqual(0, build.Exit);
        Assert.Contains("error APG1001: Status must not call the network, but it reaches Status → Describe → HttpClient.GetStringAsync (HTTP request)", build.Output, StringComparison.Ordinal);
        Assert.Contains("Broken/PagePlugin.cs", build.Output, StringComparison.Ordinal);

        // That compiler was the SDK's own.
        var probe = await consumer.BuildAsync("IncludeCompilerProbe=true");
        output.WriteLine(probe.ToString());
        var version = CompilerVersionLine(probe);
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        Assert.Contains("Compiler path: '" + Path.Combine(dotnetRoot, "sdk"), version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Older_compiler_loads_the_generator_and_the_analyzers()
    {
        var consumer = feed.CreateConsumer("compiler-" + OlderCompiler);
        var toolset = "CompilerToolsetVersion=" + OlderCompiler;

        var build = await consumer.BuildAsync(toolset);
        output.WriteLine(build.ToString());
        Assert.True(build.Exit == 0, $"the consumer did not build with compiler {OlderCompiler}:\n" + build);

        var run = await consumer.RunAsync();
        output.WriteLine(run.ToString());
        Assert.Equal(0, run.Exit);
        Assert.Contains("task exec-1: Success, state Succeeded, remote jobs 1", run.Output, StringComparison.Ordinal);

        var broken = await consumer.BuildAsync(toolset, "IncludeBrokenPlugin=true");
        output.WriteLine(broken.ToString());
        Assert.NotEqual(0, broken.Exit);
        Assert.Contains("error APG1001: Status must not call the network, but it reaches Status → Describe → HttpClient.GetStringAsync (HTTP request)", broken.Output, StringComparison.Ordinal);

        // The compiler that ran them was the older one, from the toolset package.
        var probe = await consumer.BuildAsync(toolset, "IncludeCompilerProbe=true");
        output.WriteLine(probe.ToString());
        var version = CompilerVersionLine(probe);
        Assert.Contains($"Compiler version: '{OlderCompiler}-", version, StringComparison.Ordinal);
    }

    private static string CompilerVersionLine(ProcessRunner.Result probe) =>
        probe.Output.Split('\n').FirstOrDefault(line => line.Contains("error CS8304: Compiler version:", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException("the compiler did not print its version (CS8304):\n" + probe);

    // The package in the consumer's own packages folder is byte for byte the one just packed, and nothing brought
    // the compiler in as a dependency.
    private void AssertRestoredFromTheFeed(ConsumerProject consumer)
    {
        var version = feed.Version.ToLowerInvariant();
        var hashFile = Path.Combine(consumer.PackagesDirectory, "asyncplugingen", version, $"asyncplugingen.{version}.nupkg.sha512");
        Assert.True(File.Exists(hashFile), $"AsyncPluginGen {feed.Version} was not restored into {consumer.PackagesDirectory}");
        Assert.Equal(Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(feed.PackagePath))), File.ReadAllText(hashFile).Trim());

        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer.Directory, "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(libraries, name => name.StartsWith("AsyncPluginGen/", StringComparison.Ordinal));
        Assert.Contains(libraries, name => name.StartsWith("AsyncPluginGen.Abstractions/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }
}
