using System.Globalization;

namespace AsyncPluginGen.AotSample.Reporting;

/// <summary>
/// Prints the summary and the timings as short plain lines, one fact per line, so people and tests read the same
/// text (for example <c>phase Success: 90 (expected 90)</c>).
/// </summary>
public static class SummaryWriter
{
    /// <summary>Writes the summary.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="summary">The summary.</param>
    public static void Write(TextWriter output, RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        output.WriteLine($"runtime: {summary.Runtime}");
        output.WriteLine(Invariant($"tasks: {summary.Tasks}"));
        foreach (var phase in summary.Phases.Keys.Union(summary.Expected.Keys).Order(StringComparer.Ordinal))
        {
            output.WriteLine(Invariant($"phase {phase}: {summary.Phases.GetValueOrDefault(phase)} (expected {summary.Expected.GetValueOrDefault(phase)})"));
        }

        output.WriteLine(Invariant($"service: jobs {summary.JobsCreated}, requests {summary.Requests}, leaked {summary.Leaked}, lost {summary.Lost}"));
        foreach (var problem in summary.Problems)
        {
            output.WriteLine("problem: " + problem);
        }

        var seconds = summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine(summary.Ok
            ? Invariant($"OK: {summary.Tasks} tasks reached their expected final phase in {seconds} s; leaked 0, lost 0.")
            : Invariant($"FAILED: {summary.Unexpected} of {summary.Tasks} tasks did not reach their expected final phase; leaked {summary.Leaked}, lost {summary.Lost}."));
    }

    /// <summary>Writes the start-up figures, in milliseconds.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="timings">The figures.</param>
    public static void Write(TextWriter output, StartupTimings timings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timings);
        output.WriteLine("timing process-start-to-main-ms: " + (timings.ProcessStartToMain is { } main ? $"{Ms(main.Time)} ({main.Source})" : "n/a (run in-process)"));
        var registry = timings.Registry;
        output.WriteLine($"timing registry-cold-start-ms: {Ms(registry.Total)} (build provider {Ms(registry.BuildProvider)}, resolve catalog {Ms(registry.ResolveCatalog)}, resolve host {Ms(registry.ResolveHost)})");
        output.WriteLine("timing service-start-ms: " + Ms(timings.ServiceStart));
        output.WriteLine("timing first-task-terminal-ms: " + (timings.FirstTerminal is { } first ? Ms(first) : "n/a (no task ended)"));
        output.WriteLine("timing total-ms: " + Ms(timings.Total));
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
