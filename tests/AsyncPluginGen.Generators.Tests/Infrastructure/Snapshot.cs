using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AsyncPluginGen.Generators.Tests.Infrastructure;

/// <summary>
/// A small approval helper with Verify's file convention: the approved text lives in
/// <c>Snapshots/NAME.verified.cs</c> next to the test; on a mismatch the actual text is written to
/// <c>NAME.received.cs</c> and the test fails. Set <c>ACCEPT_SNAPSHOTS=1</c> to accept received text instead.
/// </summary>
internal static partial class Snapshot
{
    public const string AcceptVariable = "ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(SourcePath(callerPath))!, "Snapshots");
        var verifiedPath = Path.Combine(directory, name + ".verified.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        var scrubbed = Scrub(actual);
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        if (expected == scrubbed)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (accept)
        {
            File.WriteAllText(verifiedPath, scrubbed);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, scrubbed);
        Assert.Fail(expected is null
            ? $"No approved snapshot {verifiedPath}. Review {receivedPath} and rename it to .verified.cs, or run with {AcceptVariable}=1."
            : $"Snapshot {name} differs from the approved one at line {FirstDifference(expected, scrubbed)}. Compare {receivedPath} with {verifiedPath}; accept with {AcceptVariable}=1.");
    }

    /// <summary>
    /// The caller's real path. CI builds map source paths to <c>/_/</c> (ContinuousIntegrationBuild), so a mapped path
    /// is resolved against the repository root, found by walking up from the test binaries to AsyncPluginGen.sln.
    /// </summary>
    private static string SourcePath(string callerPath)
    {
        if (File.Exists(callerPath))
        {
            return callerPath;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AsyncPluginGen.sln")))
        {
            root = root.Parent;
        }

        const string mappedRoot = "/_/";
        Assert.True(root is not null && callerPath.StartsWith(mappedRoot, StringComparison.Ordinal), $"Cannot find the source file {callerPath} of the snapshot test.");
        return Path.Combine(root.FullName, callerPath[mappedRoot.Length..]);
    }

    /// <summary>Removes what changes between builds of the generator: its version.</summary>
    public static string Scrub(string text) =>
        VersionPattern().Replace(text.ReplaceLineEndings("\n"), "GeneratedCode(\"AsyncPluginGen.Generators\", \"VERSION\")");

    private static int FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return i + 1;
            }
        }

        return Math.Min(a.Length, b.Length) + 1;
    }

    [GeneratedRegex("GeneratedCode\\(\"AsyncPluginGen\\.Generators\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();
}
