using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AsyncPluginGen.Hosting.Tests.Infrastructure;

/// <summary>Wraps a resource manager and records every allocation and release.</summary>
internal sealed class RecordingResourceManager(InMemoryResourceManager inner) : IResourceManager
{
    private readonly List<(string Op, string Token, ResourceNamespace Ns, AllocationStatus? Status)> _log = [];
    private readonly Pulse _pulse = new();

    public InMemoryResourceManager Inner { get; } = inner;

    /// <summary>When set, ReleaseAsync waits for it (a slow remote resource manager), after recording that it started.</summary>
    public TaskCompletionSource? ReleaseGate { get; set; }

    public async ValueTask<AllocationStatus> AllocateAsync(ResourceNamespace ns, string token, TaskExecutionId owner, ResourceConstraintsSpec constraints, CancellationToken cancellationToken)
    {
        var status = await Inner.AllocateAsync(ns, token, owner, constraints, cancellationToken).ConfigureAwait(false);
        Add(("allocate", token, ns, status));
        return status;
    }

    public async ValueTask ReleaseAsync(ResourceNamespace ns, string token, CancellationToken cancellationToken)
    {
        if (ReleaseGate is { } gate)
        {
            Add(("release-started", token, ns, null));
            await gate.Task.ConfigureAwait(false);
        }

        await Inner.ReleaseAsync(ns, token, cancellationToken).ConfigureAwait(false);
        Add(("release", token, ns, null));
    }

    public void RegisterQuota(ResourceNamespace ns, int quota) => Inner.RegisterQuota(ns, quota);

    public int Releases(string token) => Snapshot().Count(e => e.Op == "release" && e.Token == token);

    public int Allocations(string token, AllocationStatus status) => Snapshot().Count(e => e.Op == "allocate" && e.Token == token && e.Status == status);

    public Task WaitForReleaseStartedAsync(string token) =>
        _pulse.WaitUntilAsync(() => Snapshot().Any(e => e.Op == "release-started" && e.Token == token), () => $"the release of '{token}' to start");

    public Task WaitForAllocationsAsync(string token, AllocationStatus status, int count) =>
        _pulse.WaitUntilAsync(() => Allocations(token, status) >= count, () => $"{count} allocation(s) of '{token}' answered {status}");

    private List<(string Op, string Token, ResourceNamespace Ns, AllocationStatus? Status)> Snapshot()
    {
        lock (_log)
        {
            return [.. _log];
        }
    }

    private void Add((string, string, ResourceNamespace, AllocationStatus?) entry)
    {
        lock (_log)
        {
            _log.Add(entry);
        }

        _pulse.Fire();
    }
}

/// <summary>An <see cref="IMeterFactory"/> whose meters are scoped to it, so a MetricCollector sees one host's instruments only.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Scope = this;
        var meter = new Meter(options);
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }

            _meters.Clear();
        }
    }
}

/// <summary>
/// Records the host's spans (one per remote call) of one harness. A span ends after the host has handled the call's
/// outcome, including scheduling a retry, so "span N ended" proves the host is done with call N.
/// </summary>
internal sealed class SpanLog : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<(string Task, string Operation, ActivityStatusCode Status)> _spans = [];
    private readonly Pulse _pulse = new();

    public SpanLog(string executionName)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HostActivity.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("asyncplugin.task") is string unique && unique.Contains(executionName, StringComparison.Ordinal))
                {
                    // Unique names are project-domain-execution-node-attempt; the node id is the test's task key.
                    var rest = unique[(unique.IndexOf(executionName, StringComparison.Ordinal) + executionName.Length + 1)..];
                    var task = rest[..rest.LastIndexOf('-')];
                    var operation = activity.DisplayName[(activity.DisplayName.LastIndexOf(' ') + 1)..];
                    lock (_spans)
                    {
                        _spans.Add((task, operation, activity.Status));
                    }

                    _pulse.Fire();
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count(string task, string operation)
    {
        lock (_spans)
        {
            return _spans.Count(s => s.Task == task && s.Operation == operation);
        }
    }

    /// <summary>Waits until the host has finished handling <paramref name="count"/> calls of <paramref name="operation"/> for the task.</summary>
    public Task WaitAsync(string task, string operation, int count) =>
        _pulse.WaitUntilAsync(() => Count(task, operation) >= count, () => $"{count} ended '{operation}' span(s) of task '{task}' (so far {Count(task, operation)})");

    public void Dispose() => _listener.Dispose();
}
