using AsyncPluginGen.Aot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AsyncPluginGen.Aot.Tests;

/// <summary>
/// The real thing: <c>dotnet publish -c Release -r linux-x64</c> of the sample compiles it to a native binary with no
/// warning at all, and that binary runs tasks to completion against the loopback service. The publish takes about
/// 1.5-2 minutes on a 2-core machine, so it runs always. It builds into a temporary artifacts folder, so it neither
/// reads nor overwrites the repository's bin and obj folders. Linking needs clang and zlib1g-dev; when clang is
/// missing, the test runs <c>.ci/install-aot-prereqs</c> first.
/// </summary>
public sealed class NativePublishTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(12);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    private readonly string _artifacts = Directory.CreateTempSubdirectory("apg-aot-").FullName;

    [Fact]
    public async Task Publish_HasNoWarnings_AndTheNativeBinaryRunsEveryTaskToItsExpectedPhase()
    {
        await EnsurePrerequisitesAsync();

        var publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", RepositoryRoot.AotSampleProject, "-c", "Release", "-r", "linux-x64", "--artifacts-path", _artifacts, "--disable-build-servers", "-nologo"],
            PublishLimit);
        log.WriteLine($"dotnet publish took {publish.Elapsed.TotalSeconds:0} s");

        Assert.True(publish.Exit == 0, publish.ToString());
        var warnings = (publish.Output + "\n" + publish.Error)
            .Split('\n')
            .Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        Assert.True(warnings.Length == 0, "the publish warned:\n" + string.Join('\n', warnings));
        Assert.Contains("Generating native code", publish.Output, StringComparison.Ordinal);

        var folder = Path.Combine(_artifacts, "publish", "AsyncPluginGen.AotSample", "release_linux-x64");
        var binary = Path.Combine(folder, "AsyncPluginGen.AotSample");
        Assert.True(File.Exists(binary), $"no native binary at {binary}; the folder holds: {string.Join(", ", Directory.EnumerateFiles(folder).Select(Path.GetFileName))}");
        Assert.Empty(Directory.EnumerateFiles(folder, "*.dll"));
        log.WriteLine($"native binary: {new FileInfo(binary).Length / 1024.0 / 1024.0:0.0} MB");

        var run = await ProcessRunner.RunAsync(
            binary,
            ["--tasks", "20", "--timings"],
            RunLimit,
            environment: new Dictionary<string, Func<string>> { [AotSample.MainClock.LaunchedAtVariable] = SampleRunTests.LaunchedAt });
        log.WriteLine(run.Output);

        Assert.True(run.Exit == 0, run.ToString());
        var summary = SampleOutput.Parse(run.Output);
        summary.AssertAllAsExpected(20);
        Assert.Equal("native AOT", summary.Runtime);
        Assert.True(summary.TimingMs("registry-cold-start-ms") > 0);

        var bad = await ProcessRunner.RunAsync(binary, ["--tasks", "many"], RunLimit);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--tasks must be a whole number; got 'many'", bad.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_artifacts, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder left behind is harmless.
        }
    }

    private async Task EnsurePrerequisitesAsync()
    {
        if (OnPath("clang") && File.Exists("/usr/include/zlib.h"))
        {
            return;
        }

        var script = Path.Combine(RepositoryRoot.Path, ".ci", "install-aot-prereqs");
        var install = await ProcessRunner.RunAsync("bash", [script], PublishLimit);
        log.WriteLine(install.ToString());
        Assert.True(
            install.Exit == 0,
            $"Native AOT needs clang and zlib1g-dev to link, and {script} could not install them. Install them (apt-get install clang zlib1g-dev) and run again.\n{install}");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
