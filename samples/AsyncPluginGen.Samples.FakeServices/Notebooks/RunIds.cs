namespace AsyncPluginGen.Samples.FakeServices.Notebooks;

/// <summary>
/// Databricks' numeric run ids over the ledger's string job ids. Numbers are handed out in the order the service first
/// answers for a job, and never change, so a client can keep the number it was given.
/// </summary>
internal sealed class RunIds
{
    // Real run ids are large numbers; starting far from 1 makes a client that mixes up an index and an id fail visibly.
    private const long FirstRunId = 1_000_001;

    private readonly object _gate = new();
    private readonly Dictionary<string, long> _byJobId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _byRunId = [];

    /// <summary>The run id of a ledger job, assigned on first use.</summary>
    /// <param name="jobId">The ledger's id.</param>
    /// <returns>The run id.</returns>
    public long RunIdOf(string jobId)
    {
        lock (_gate)
        {
            if (!_byJobId.TryGetValue(jobId, out var runId))
            {
                runId = FirstRunId + _byJobId.Count;
                _byJobId.Add(jobId, runId);
                _byRunId.Add(runId, jobId);
            }

            return runId;
        }
    }

    /// <summary>The ledger job of a run id.</summary>
    /// <param name="runId">The run id.</param>
    /// <returns>The ledger's id, or null for a run id the service never gave out.</returns>
    public string? JobIdOf(long runId)
    {
        lock (_gate)
        {
            return _byRunId.GetValueOrDefault(runId);
        }
    }
}
