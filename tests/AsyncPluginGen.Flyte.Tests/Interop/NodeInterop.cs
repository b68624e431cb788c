using System.ComponentModel;
using System.Xml.Linq;
using AsyncPluginGen.Tests.Shared;

namespace AsyncPluginGen.Flyte.Tests.Interop;

/// <summary>
/// What the Node interop client needs, found or installed once per test run: <c>node</c>, the pinned
/// <c>@grpc/grpc-js</c> and <c>@grpc/proto-loader</c> (installed with npm into the ignored <c>.cache/node-interop/</c>
/// folder, keyed by their versions, so later runs and CI reuse them), the flyteidl protos the build fetched, and the
/// Google API protos from the NuGet package the build used.
/// </summary>
public sealed class NodeInterop
{
    /// <summary>The client library under test; pinned exactly so every machine runs the same client.</summary>
    public const string GrpcJsVersion = "1.14.7";

    /// <summary>The run-time .proto loader; pinned exactly for the same reason.</summary>
    public const string ProtoLoaderVersion = "0.8.1";

    private const string InstallHint =
        "Install Node.js 18 or later with npm (Debian/Ubuntu: apt-get install nodejs npm; elsewhere: https://nodejs.org) and make sure both are on PATH.";

    // One install per test process; across processes the staging-then-rename in InstallAsync keeps it safe.
    private static readonly Lazy<Task<NodeInterop>> Prepared = new(PrepareCoreAsync);

    private NodeInterop(string nodeModules, string flyteIdlProtos, string googleApiProtos)
    {
        NodeModules = nodeModules;
        FlyteIdlProtos = flyteIdlProtos;
        GoogleApiProtos = googleApiProtos;
    }

    /// <summary>The <c>node_modules</c> folder holding the pinned packages.</summary>
    public string NodeModules { get; }

    /// <summary>The root of Flyte's protos (holds <c>flyteidl/service/agent.proto</c>).</summary>
    public string FlyteIdlProtos { get; }

    /// <summary>The root holding <c>google/api/annotations.proto</c>, which <c>flyteidl/service/agent.proto</c> imports.</summary>
    public string GoogleApiProtos { get; }

    /// <summary>How long the first call took (npm install included when the cache was cold); for the test's output.</summary>
    public static TimeSpan PreparationTime { get; private set; }

    /// <summary>The script, copied next to the test assembly by the project file.</summary>
    public static string ClientScript => Path.Combine(AppContext.BaseDirectory, "Interop", "interop-client.js");

    /// <summary>Finds node and the protos and installs the npm packages if they are not cached yet.</summary>
    public static Task<NodeInterop> PrepareAsync() => Prepared.Value;

    /// <summary>Runs the interop client against the agent at <paramref name="address"/>.</summary>
    public Task<ProcessRunner.Result> RunClientAsync(Uri address, TimeSpan limit) =>
        RunToolAsync(
            "node",
            [ClientScript, $"{address.Host}:{address.Port}", FlyteIdlProtos, GoogleApiProtos],
            limit,
            Path.GetDirectoryName(ClientScript),
            new Dictionary<string, Func<string>> { ["NODE_PATH"] = () => NodeModules });

    /// <summary>
    /// Runs a tool the interop test depends on. A missing tool fails the test with what to install: the interop test
    /// is never skipped, since a skipped test on CI would be a silent gap.
    /// </summary>
    public static async Task<ProcessRunner.Result> RunToolAsync(
        string program,
        IEnumerable<string> args,
        TimeSpan limit,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, Func<string>>? environment = null)
    {
        try
        {
            return await ProcessRunner.RunAsync(program, args, limit, workingDirectory, environment);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The Flyte interop test drives the agent from Node.js with @grpc/grpc-js, but '{program}' could not be started ({e.Message}). {InstallHint}",
                e);
        }
    }

    private static async Task<NodeInterop> PrepareCoreAsync()
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var version = await RunToolAsync("node", ["--version"], TimeSpan.FromSeconds(30));
        if (version.Exit != 0)
        {
            throw new InvalidOperationException($"'node --version' failed. {InstallHint}\n{version}");
        }

        var flyteIdl = FindFlyteIdlProtos();
        var googleApi = FindGoogleApiProtos();
        var modules = await InstallAsync();
        PreparationTime = stopwatch.Elapsed;
        return new NodeInterop(modules, flyteIdl, googleApi);
    }

    /// <summary>
    /// Installs the packages into <c>.cache/node-interop/grpc-js-X_proto-loader-Y/</c> unless it is there. npm installs
    /// into a fresh staging folder that is then renamed into place: the rename is atomic, so the final folder is either
    /// absent or complete, and two concurrent runs (two worktrees' tests, parallel CI jobs on one cache) both end with
    /// one complete copy; the loser of the rename drops its own.
    /// </summary>
    private static async Task<string> InstallAsync()
    {
        var cache = Path.Combine(RepositoryRoot.Path, ".cache", "node-interop");
        var target = Path.Combine(cache, $"grpc-js-{GrpcJsVersion}_proto-loader-{ProtoLoaderVersion}");
        var modules = Path.Combine(target, "node_modules");
        if (Directory.Exists(modules))
        {
            return modules;
        }

        var staging = Path.Combine(cache, "staging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            // --ignore-scripts: both packages are plain JavaScript, so nothing downloaded gets to run at install time.
            var npm = await RunToolAsync(
                OperatingSystem.IsWindows() ? "npm.cmd" : "npm",
                ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact", "--prefix", staging, $"@grpc/grpc-js@{GrpcJsVersion}", $"@grpc/proto-loader@{ProtoLoaderVersion}"],
                TimeSpan.FromMinutes(3),
                staging);
            if (npm.Exit != 0)
            {
                throw new InvalidOperationException(
                    $"npm could not install @grpc/grpc-js@{GrpcJsVersion} and @grpc/proto-loader@{ProtoLoaderVersion}; check that npm can reach its registry (npm config get registry).\n{npm}");
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException) when (Directory.Exists(modules))
            {
                // Another run renamed its complete copy into place first; ours is dropped below.
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return modules;
    }

    /// <summary>The protos the build fetched, at the version FlyteIdl.targets pins (read there, not repeated here).</summary>
    private static string FindFlyteIdlProtos()
    {
        var targets = Path.Combine(RepositoryRoot.Path, "src", "AsyncPluginGen.Flyte", "Protos", "FlyteIdl.targets");
        var version = XDocument.Load(targets).Descendants("FlyteIdlVersion").Single().Value.Trim();
        var root = Path.Combine(RepositoryRoot.Path, ".cache", "flyteidl", version, "protos");
        return File.Exists(Path.Combine(root, "flyteidl", "service", "agent.proto"))
            ? root
            : throw new InvalidOperationException(
                $"No flyteidl/service/agent.proto under {root}. Building src/AsyncPluginGen.Flyte fetches @flyteorg/flyteidl@{version} there; build it first.");
    }

    /// <summary>google/api/*.proto from the Google.Api.CommonProtos package, at the version Directory.Packages.props pins.</summary>
    private static string FindGoogleApiProtos()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"));
        var version = props.Descendants("PackageVersion")
            .Single(p => string.Equals((string?)p.Attribute("Include"), "Google.Api.CommonProtos", StringComparison.OrdinalIgnoreCase))
            .Attribute("Version")!.Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var root = Path.Combine(packages, "google.api.commonprotos", version, "content", "protos");
        return File.Exists(Path.Combine(root, "google", "api", "annotations.proto"))
            ? root
            : throw new InvalidOperationException(
                $"No google/api/annotations.proto under {root}. It comes with the NuGet package Google.Api.CommonProtos {version}, which restoring src/AsyncPluginGen.Flyte downloads; set NUGET_PACKAGES if your packages folder is elsewhere.");
    }
}
