namespace AsyncPluginGen.CrashTests.Host;

/// <summary>A task's outcome as one line of text, compared across restarts: phase, state, error and reason.</summary>
public static class Outcome
{
    public static string Of(TaskResult result)
    {
        var phase = result.Phase;
        var error = phase.Error is { } e ? $"{e.Kind}/{e.Code}: {e.Message}" : "-";
        return Flat($"{phase.Phase} {result.State} | {error} | {phase.Reason ?? "-"}");
    }

    /// <summary>The phase, the first word of the outcome.</summary>
    public static string PhaseOf(string outcome) => outcome.Split(' ', 2)[0];

    private static string Flat(string text) => text.ReplaceLineEndings(" ");
}
