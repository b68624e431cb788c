using AsyncPluginGen.Tests.Shared;

namespace AsyncPluginGen.Flyte.Tests.Build;

/// <summary>
/// The build step that fetches Flyte's protos (Protos/FlyteIdl.targets), run on its own against a fresh cache folder:
/// it fetches and verifies, it refuses a file whose integrity differs from the pinned one, and without npm it says what
/// to install.
/// </summary>
public sealed class FlyteIdlFetchTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "apg-flyteidl-" + Guid.NewGuid().ToString("N")[..12]);

    private static string Project => Path.Combine(RepositoryRoot.Path, "src", "AsyncPluginGen.Flyte", "AsyncPluginGen.Flyte.csproj");

    private static string DotNet => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    [Fact]
    public async Task A_fresh_cache_is_filled_with_the_verified_protos()
    {
        var run = await FetchAsync();
        Assert.True(run.Exit == 0, run.ToString());
        var protos = Path.Combine(_cache, "1.16.5", "protos", "flyteidl");
        Assert.True(File.Exists(Path.Combine(protos, "service", "agent.proto")), run.ToString());
        Assert.True(File.Exists(Path.Combine(protos, "admin", "agent.proto")));
        Assert.StartsWith("@flyteorg/flyteidl@1.16.5 sha512-", File.ReadAllText(Path.Combine(_cache, "1.16.5", "fetched.txt")));
        Assert.Empty(Directory.GetDirectories(_cache, "staging-*"));
    }

    [Fact]
    public async Task A_package_whose_integrity_differs_from_the_pinned_one_is_refused()
    {
        var run = await FetchAsync("-p:FlyteIdlIntegrity=sha512-AAAA");
        Assert.NotEqual(0, run.Exit);
        Assert.Contains("refusing to compile protos that may have been tampered with", run.Output);
        Assert.False(File.Exists(Path.Combine(_cache, "1.16.5", "fetched.txt")));
    }

    [Fact]
    public async Task Without_npm_the_build_says_what_to_install()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_cache, "no-tools")).FullName;
        var run = await FetchAsync(environment: new Dictionary<string, Func<string>> { ["PATH"] = () => empty });
        Assert.NotEqual(0, run.Exit);
        Assert.Contains("npm was not found. Install Node.js 18 or later with npm", run.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_cache, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the temp folder is cleaned by the machine.
        }
    }

    private Task<ProcessRunner.Result> FetchAsync(string? property = null, IReadOnlyDictionary<string, Func<string>>? environment = null)
    {
        List<string> args = ["msbuild", Project, "-t:FetchFlyteIdl", $"-p:FlyteIdlCacheRoot={_cache}/", "-nologo", "-v:m"];
        if (property is not null)
        {
            args.Add(property);
        }

        return ProcessRunner.RunAsync(DotNet, args, Limit, environment: environment);
    }
}
