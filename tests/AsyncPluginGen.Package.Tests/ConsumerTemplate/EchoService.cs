using System.Collections.Concurrent;

namespace Consumer;

/// <summary>An in-memory remote service: jobs are done when first read, unless cancelled.</summary>
public sealed class EchoService
{
    private readonly ConcurrentDictionary<string, EchoJob> _jobs = new();

    public int Creates;

    public ValueTask<string> StartAsync(string message, string idempotencyKey, CancellationToken ct)
    {
        Interlocked.Increment(ref Creates);
        var id = "echo-" + idempotencyKey;
        _jobs.TryAdd(id, new EchoJob(id, EchoState.Done, message));
        return new(id);
    }

    public ValueTask<EchoJob> GetAsync(string id, CancellationToken ct) => new(_jobs[id]);

    public ValueTask CancelAsync(string id, CancellationToken ct)
    {
        _jobs[id] = _jobs[id] with { State = EchoState.Cancelled };
        return default;
    }
}
