using System.Diagnostics;

namespace AsyncPluginGen.Tests.Shared;

/// <summary>
/// Runs a process to its end within a time limit, capturing its output; on time-out it is killed and the test fails.
/// A nested <c>dotnet</c> gets a clean build environment: none of the MSBuild settings <c>dotnet test</c> hands to the
/// test host, and no build servers or node reuse, so nothing outlives the test.
/// </summary>
public static class ProcessRunner
{
    /// <summary>The outcome of a run.</summary>
    /// <param name="Exit">The exit code.</param>
    /// <param name="Output">Standard output.</param>
    /// <param name="Error">Standard error.</param>
    /// <param name="Elapsed">Wall time, from start to exit.</param>
    public sealed record Result(int Exit, string Output, string Error, TimeSpan Elapsed)
    {
        /// <summary>Everything the process printed, for failure messages.</summary>
        public override string ToString() => $"exit {Exit} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
    }

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="args"/>.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="args">Its arguments.</param>
    /// <param name="limit">How long it may take.</param>
    /// <param name="workingDirectory">Its working directory; the repository root by default.</param>
    /// <param name="environment">Extra environment variables; a value computed when the process starts may be given as a function.</param>
    /// <returns>What it did.</returns>
    public static async Task<Result> RunAsync(
        string fileName,
        IEnumerable<string> args,
        TimeSpan limit,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, Func<string>>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(IsInheritedBuildSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, Func<string>>())
        {
            start.Environment[name] = value();
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not end within {limit}.");
        }

        return new Result(process.ExitCode, await output, await error, stopwatch.Elapsed);
    }

    private static bool IsInheritedBuildSetting(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase);
}
