namespace AsyncPluginGen.AotSample.Reporting;

/// <summary>What a run found: tasks by final phase against what was expected, and what the service counted.</summary>
/// <param name="Runtime">"native AOT" or "JIT": how this process runs .NET code.</param>
/// <param name="Tasks">Tasks submitted.</param>
/// <param name="Phases">Final phase of each task, counted (<c>Unfinished</c> for a task that never ended).</param>
/// <param name="Expected">Expected final phases, counted.</param>
/// <param name="Unexpected">Tasks whose final phase was not the expected one.</param>
/// <param name="JobsCreated">Remote jobs the service created.</param>
/// <param name="Requests">Requests the service received.</param>
/// <param name="Leaked">Jobs the service still runs although every task has ended.</param>
/// <param name="Lost">Tasks the service could not account for (never ended, or claim a success it never saw).</param>
/// <param name="Problems">One line per unexpected phase, leak or loss.</param>
/// <param name="Elapsed">From the first submission to the last task's end (or the deadline).</param>
public sealed record RunSummary(
    string Runtime,
    int Tasks,
    IReadOnlyDictionary<string, int> Phases,
    IReadOnlyDictionary<string, int> Expected,
    int Unexpected,
    int JobsCreated,
    long Requests,
    int Leaked,
    int Lost,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed)
{
    /// <summary>Every task reached its expected phase and the service found nothing leaked or lost.</summary>
    public bool Ok => Unexpected == 0 && Leaked == 0 && Lost == 0;
}
