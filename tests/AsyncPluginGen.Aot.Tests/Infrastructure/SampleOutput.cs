using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncPluginGen.Aot.Tests.Infrastructure;

/// <summary>The AOT sample's summary, read back from its output lines.</summary>
internal sealed partial record SampleOutput(
    string Runtime,
    int Tasks,
    IReadOnlyDictionary<string, (int Actual, int Expected)> Phases,
    int Jobs,
    int Leaked,
    int Lost,
    bool Ok,
    IReadOnlyDictionary<string, string> Timings)
{
    /// <summary>Reads the summary; fails the test when a line is missing.</summary>
    /// <param name="output">The sample's standard output.</param>
    /// <returns>The summary.</returns>
    public static SampleOutput Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var runtime = Single(lines, "runtime: ")["runtime: ".Length..];
        var tasks = int.Parse(Single(lines, "tasks: ")["tasks: ".Length..], CultureInfo.InvariantCulture);
        var phases = lines
            .Select(l => PhaseLine().Match(l))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => (Int(m.Groups[2]), Int(m.Groups[3])), StringComparer.Ordinal);
        var service = ServiceLine().Match(Single(lines, "service: "));
        Assert.True(service.Success, output);
        var timings = lines
            .Where(l => l.StartsWith("timing ", StringComparison.Ordinal))
            .Select(l => l["timing ".Length..].Split(": ", 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var ok = lines.Any(l => l.StartsWith("OK: ", StringComparison.Ordinal));
        return new SampleOutput(runtime, tasks, phases, Int(service.Groups[1]), Int(service.Groups[2]), Int(service.Groups[3]), ok, timings);
    }

    /// <summary>Asserts a run of <paramref name="tasks"/> tasks: every tenth aborted, the rest succeeded, all as expected, nothing leaked or lost.</summary>
    /// <param name="tasks">The task count the sample was given.</param>
    public void AssertAllAsExpected(int tasks)
    {
        var aborted = tasks / 10;
        Assert.Equal(tasks, Tasks);
        Assert.Equal((tasks - aborted, tasks - aborted), Phases["Success"]);
        if (aborted > 0)
        {
            Assert.Equal((aborted, aborted), Phases["Aborted"]);
        }

        Assert.Equal(aborted > 0 ? 2 : 1, Phases.Count);
        Assert.Equal(tasks, Jobs);
        Assert.Equal(0, Leaked);
        Assert.Equal(0, Lost);
        Assert.True(Ok);
    }

    /// <summary>A timing in milliseconds, which must be present and a number.</summary>
    /// <param name="name">Its name, such as <c>registry-cold-start-ms</c>.</param>
    /// <returns>The figure.</returns>
    public double TimingMs(string name)
    {
        Assert.True(Timings.TryGetValue(name, out var text), $"no timing {name}");
        return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string Single(string[] lines, string prefix)
    {
        var found = lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        Assert.True(found.Length == 1, $"expected one line starting '{prefix}', found {found.Length}:\n{string.Join('\n', lines)}");
        return found[0];
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^phase (\w+): (\d+) \(expected (\d+)\)$")]
    private static partial Regex PhaseLine();

    [GeneratedRegex(@"^service: jobs (\d+), requests \d+, leaked (\d+), lost (\d+)$")]
    private static partial Regex ServiceLine();
}
