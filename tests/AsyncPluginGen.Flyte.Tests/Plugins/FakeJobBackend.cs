using System.Collections.Concurrent;

namespace AsyncPluginGen.Flyte.Tests.Plugins;

/// <summary>
/// The "remote service" behind the test plugins: jobs keyed by the task's unique name (so a repeated Create is
/// idempotent, as a real idempotency key makes it), states the test sets, and faults the test injects per operation.
/// </summary>
public sealed class FakeJobBackend
{
    private readonly ConcurrentDictionary<string, FakeJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<Exception>> _faults = new(StringComparer.Ordinal);
    private int _creates;
    private int _gets;
    private int _deletes;

    /// <summary>The state new jobs start in.</summary>
    public JobState InitialState { get; set; } = JobState.Pending;

    public int Creates => Volatile.Read(ref _creates);

    public int Gets => Volatile.Read(ref _gets);

    public int Deletes => Volatile.Read(ref _deletes);

    public IReadOnlyCollection<FakeJob> Jobs => _jobs.Values.ToArray();

    /// <summary>Makes every call of <paramref name="operation"/> ("create", "get", "delete") throw until cleared.</summary>
    public void FailWith(string operation, Func<Exception> fault) => _faults[operation] = fault;

    public void ClearFault(string operation) => _faults.TryRemove(operation, out _);

    /// <summary>Blocks the next calls of an operation until the returned source is completed.</summary>
    public TaskCompletionSource Gate(string operation)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gates[operation] = gate;
        return gate;
    }

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);

    /// <summary>When set, Create waits for it, ignoring its token, as a client that has already sent its request does.</summary>
    public Task? CreateResponseDelay { get; set; }

    /// <summary>Completes when a delayed Create has started and its call's token has been cancelled (the caller gave up).</summary>
    public TaskCompletionSource CreateAbandoned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first Delete.</summary>
    public TaskCompletionSource Deleted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask<FakeJob> CreateAsync(string key, string query, CancellationToken cancellationToken)
    {
        await EnterAsync("create", cancellationToken);
        if (CreateResponseDelay is { } delay)
        {
            using (cancellationToken.Register(() => CreateAbandoned.TrySetResult()))
            {
                await delay;
            }
        }

        Interlocked.Increment(ref _creates);
        return _jobs.GetOrAdd(key, k => new FakeJob("job-" + k, query) { State = InitialState });
    }

    public async ValueTask<FakeJob> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await EnterAsync("get", cancellationToken);
        Interlocked.Increment(ref _gets);
        return Find(jobId) ?? throw new KeyNotFoundException($"No job {jobId}.");
    }

    public async ValueTask DeleteAsync(string jobId, CancellationToken cancellationToken)
    {
        await EnterAsync("delete", cancellationToken);
        Interlocked.Increment(ref _deletes);
        if (Find(jobId) is { } job)
        {
            job.Cancelled = true;
        }

        Deleted.TrySetResult();
    }

    public FakeJob? Find(string jobId) => _jobs.Values.FirstOrDefault(j => j.Id == jobId);

    public FakeJob Single() => _jobs.Values.Single();

    private async ValueTask EnterAsync(string operation, CancellationToken cancellationToken)
    {
        if (_gates.TryGetValue(operation, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (_faults.TryGetValue(operation, out var fault))
        {
            throw fault();
        }
    }
}

/// <summary>A job of the fake backend; tests move it through its states.</summary>
public sealed class FakeJob(string id, string query)
{
    public string Id { get; } = id;

    public string Query { get; } = query;

    public volatile JobState State = JobState.Pending;

    public volatile bool Cancelled;

    public string? Error { get; set; }
}
