using System.Security.Cryptography;
using System.Text;

namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// Runs a Databricks notebook as a one-time run (Jobs API 2.1 <c>runs/submit</c>), polls it with <c>runs/get</c>, and
/// cancels it with <c>runs/cancel</c>. The generator implements the plugin contract; Status is written by hand (see the
/// other part of this class) because the phase depends on two fields of the run's state.
/// </summary>
/// <remarks>
/// The rates, quota and cache are those of Flyte's Databricks plugin; its per-project caps are a deployment's choice
/// and are left out. Databricks caps the active runs of a workspace and throttles its Jobs API per workspace, and the
/// workspace is shared: 1,000 runs in flight and 10 calls a second each way leave room for everyone else. Runs last
/// minutes (a job cluster alone takes several to start), so polling every 30 seconds loses nothing.
/// </remarks>
/// <param name="client">The Databricks client.</param>
[AsyncPlugin(TaskType)]
[RateLimits(ReadQps = 10, ReadBurst = 100, WriteQps = 10, WriteBurst = 100)]
[Caching(Size = 500_000, ResyncSeconds = 30, Workers = 10, MaxSystemFailures = 5)]
[ResourceQuota(QuotaNamespace, 1000)]
public sealed partial class NotebookRunPlugin(NotebookClient client)
{
    /// <summary>The task type the plugin serves.</summary>
    public const string TaskType = "notebook_run";

    /// <summary>The quota namespace of its tasks: one Databricks workspace's concurrent runs.</summary>
    public const string QuotaNamespace = "databricks";

    /// <summary>The longest idempotency token Databricks accepts.</summary>
    public const int MaxIdempotencyTokenLength = 64;

    /// <summary>The key of the run's only task.</summary>
    private const string TaskKey = "notebook";

    // The cluster a run gets when its task names none: small, on a long-term-support runtime. A real deployment
    // would take this from configuration; a sample keeps it visible.
    private static readonly NewCluster JobCluster = new("15.4.x-scala2.12", "i3.xlarge", NumWorkers: 1);

    /// <summary>
    /// The idempotency token Databricks sees for <paramref name="task"/>: its unique name when that fits in
    /// <see cref="MaxIdempotencyTokenLength"/> characters, else a deterministic digest of it.
    /// </summary>
    /// <param name="task">The task.</param>
    /// <returns>The token, at most 64 characters.</returns>
    public static string KeyFor(TaskContext task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var name = task.UniqueName;
        if (name.Length <= MaxIdempotencyTokenLength)
        {
            return name;
        }

        // Flyte's unique names (project-domain-execution-node-attempt) often exceed Databricks' 64 characters, and
        // truncating would give two attempts or two nodes the same token, so the second would silently get the first's
        // run. The token must also be the same on every retry and after a restart, so it is derived from the name
        // alone: a readable prefix for people searching logs, then 128 bits of the name's SHA-256, which is enough
        // to make a collision between two tasks practically impossible.
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), digest);
        var hash = Convert.ToHexStringLower(digest[..16]);
        return string.Concat(name.AsSpan(0, MaxIdempotencyTokenLength - hash.Length - 1), "-", hash);
    }

    /// <summary>
    /// Submits the run with the task's idempotency token, so a retried Create (after a lost response, say) gets the
    /// run the first attempt started; then reads it, so the host reports its state at once.
    /// </summary>
    /// <param name="task">The task; its inputs are <see cref="NotebookRunInputs"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The run's id and the run.</returns>
    /// <exception cref="ArgumentException">The inputs are invalid; the message names the field.</exception>
    public async Task<Created<NotebookRunRef, Run>> CreateAsync(TaskContext task, CancellationToken cancellationToken)
    {
        var inputs = NotebookRunInputs.From(task);
        var notebook = new NotebookTask(inputs.NotebookPath, inputs.Parameters);
        var submit = new RunsSubmitRequest(
            RunName: task.UniqueName,
            IdempotencyToken: KeyFor(task),
            Tasks: [inputs.ClusterId is { } clusterId
                ? new RunSubmitTask(TaskKey, notebook, ExistingClusterId: clusterId)
                : new RunSubmitTask(TaskKey, notebook, NewCluster: JobCluster)]);
        var runId = await client.SubmitRunAsync(submit, cancellationToken).ConfigureAwait(false);
        var run = await client.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        return Created.With(new NotebookRunRef(runId), run);
    }

    /// <summary>Reads the run.</summary>
    /// <param name="run">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    public Task<Run> GetAsync(NotebookRunRef run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return client.GetRunAsync(run.RunId, cancellationToken);
    }

    /// <summary>
    /// Cancels the run. Cancelling a run that has ended changes nothing on Databricks' side, and a run Databricks no
    /// longer knows has nothing left to stop, so both count as done.
    /// </summary>
    /// <param name="run">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Databricks has accepted the cancel.</returns>
    public async Task DeleteAsync(NotebookRunRef run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await client.CancelRunAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        }
        catch (DatabricksApiException e) when (e.ErrorCode == DatabricksApiException.ResourceDoesNotExist)
        {
            // Already gone: the cancel's goal is reached.
        }
    }
}
