using System.Globalization;
using System.Text.Json;

namespace AsyncPluginGen.JobService;

/// <summary>
/// The service's jobs and counters, behind one lock. A job's state is computed from the clock: PENDING until
/// <see cref="JobServiceOptions.PendingDuration"/> has passed, then RUNNING for its duration, then DONE or FAILED;
/// a cancel before the end makes it CANCELLED at that instant.
/// </summary>
internal sealed class JobStore
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly JobServiceOptions _options;
    private readonly Random _random;
    private readonly Dictionary<string, StoredJob> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredJob> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _jobsPerKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _createsPerKey = new(StringComparer.Ordinal);
    private readonly List<StoredJob> _jobs = [];
    private readonly long[] _calls = new long[3];
    private readonly SlidingWindowCounter[] _endpointRates = [new(), new(), new()];
    private readonly SlidingWindowCounter _readRate = new();
    private readonly SlidingWindowCounter _writeRate = new();
    private readonly Dictionary<FaultKind, int> _faults = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _holdWaiters = [];
    private int _held;
    private long _nextId;

    public JobStore(JobServiceOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    private DateTimeOffset Now => _options.Time.GetUtcNow();

    public int HeldRequests
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
    }

    /// <summary>Counts a request; rates are windowed by the client's send time when it sent one, else by arrival.</summary>
    public void RecordCall(JobEndpoint endpoint, DateTimeOffset? sentAt = null)
    {
        lock (_gate)
        {
            var now = sentAt ?? Now;
            _calls[(int)endpoint]++;
            _endpointRates[(int)endpoint].Record(now);
            (endpoint == JobEndpoint.Get ? _readRate : _writeRate).Record(now);
        }
    }

    /// <summary>Decides whether this request is faulted, and how; counts the fault.</summary>
    public FaultKind? RollFault(JobEndpoint endpoint)
    {
        var flag = endpoint switch
        {
            JobEndpoint.Create => JobEndpoints.Create,
            JobEndpoint.Get => JobEndpoints.Get,
            _ => JobEndpoints.Cancel,
        };
        if ((_options.FaultEndpoints & flag) == 0)
        {
            return null;
        }

        lock (_gate)
        {
            if (_options.MaxFaults is { } max && _faults.Values.Sum() >= max)
            {
                return null;
            }

            var roll = _random.NextDouble();
            FaultKind? fault = null;
            var edge = _options.ServerErrorProbability;
            if (roll < edge)
            {
                fault = FaultKind.ServerError;
            }
            else if (roll < (edge += _options.TooManyRequestsProbability))
            {
                fault = FaultKind.TooManyRequests;
            }
            else if (roll < (edge += _options.TimeoutProbability))
            {
                fault = FaultKind.Timeout;
            }
            else if (endpoint == JobEndpoint.Create && roll < edge + _options.DroppedResponseProbability)
            {
                fault = FaultKind.DroppedResponse;
            }

            if (fault is { } kind)
            {
                _faults[kind] = _faults.GetValueOrDefault(kind) + 1;
            }

            return fault;
        }
    }

    /// <summary>This request's latency: the fixed part plus jitter.</summary>
    public TimeSpan RollLatency()
    {
        if (_options.LatencyJitter <= TimeSpan.Zero)
        {
            return _options.Latency;
        }

        lock (_gate)
        {
            return _options.Latency + TimeSpan.FromTicks((long)(_random.NextDouble() * _options.LatencyJitter.Ticks));
        }
    }

    /// <summary>The key's job, created now if the key is new.</summary>
    public (JobStatus Status, bool Created) GetOrCreate(string key, JobSpec spec)
    {
        lock (_gate)
        {
            var now = Now;
            _createsPerKey[key] = _createsPerKey.GetValueOrDefault(key) + 1;
            if (_byKey.TryGetValue(key, out var existing))
            {
                return (existing.ToStatus(now), false);
            }

            var id = "job-" + (++_nextId).ToString("D6", CultureInfo.InvariantCulture);
            var runningAt = now + _options.PendingDuration;
            var job = new StoredJob(
                id,
                key,
                now,
                runningAt,
                runningAt + TimeSpan.FromMilliseconds(Math.Max(0, spec.DurationMs)),
                spec.Fail,
                string.IsNullOrEmpty(spec.Error) ? "the job failed" : spec.Error,
                spec.Output?.Clone());
            _byId.Add(id, job);
            _byKey.Add(key, job);
            _jobs.Add(job);
            _jobsPerKey[key] = _jobsPerKey.GetValueOrDefault(key) + 1;
            return (job.ToStatus(now), true);
        }
    }

    public JobStatus? Find(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var job) ? job.ToStatus(Now) : null;
        }
    }

    /// <summary>Cancels the job unless it has ended; null when there is no such job.</summary>
    public JobStatus? Cancel(string id)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var job))
            {
                return null;
            }

            var now = Now;
            job.CancelRequests++;
            if (!JobStates.IsTerminal(job.StateAt(now)))
            {
                job.CancelledAt = now;
            }

            return job.ToStatus(now);
        }
    }

    public void EnterHold()
    {
        List<TaskCompletionSource>? ready = null;
        lock (_gate)
        {
            _held++;
            for (var i = _holdWaiters.Count - 1; i >= 0; i--)
            {
                if (_held >= _holdWaiters[i].Count)
                {
                    (ready ??= []).Add(_holdWaiters[i].Signal);
                    _holdWaiters.RemoveAt(i);
                }
            }
        }

        ready?.ForEach(s => s.TrySetResult());
    }

    public void ExitHold()
    {
        lock (_gate)
        {
            _held--;
        }
    }

    public async Task WaitForHeldAsync(int count, CancellationToken cancellationToken)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_held >= count)
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _holdWaiters.Add((count, signal));
        }

        await signal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyList<JobSnapshot> Jobs()
    {
        lock (_gate)
        {
            var now = Now;
            return _jobs.Select(j => j.ToSnapshot(now)).ToArray();
        }
    }

    public JobSnapshot? JobById(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var job) ? job.ToSnapshot(Now) : null;
        }
    }

    public JobSnapshot? JobByKey(string key)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out var job) ? job.ToSnapshot(Now) : null;
        }
    }

    public JobServiceStats Snapshot()
    {
        lock (_gate)
        {
            var now = Now;
            int live = 0, cancelled = 0, finished = 0;
            var events = new List<(DateTimeOffset At, int Delta)>(_jobs.Count * 2);
            foreach (var job in _jobs)
            {
                switch (job.StateAt(now))
                {
                    case JobStates.Pending or JobStates.Running:
                        live++;
                        break;
                    case JobStates.Cancelled:
                        cancelled++;
                        break;
                    default:
                        finished++;
                        break;
                }

                events.Add((job.CreatedAt, +1));
                if (job.EndedAt(now) is { } ended)
                {
                    events.Add((ended, -1));
                }
            }

            // Live intervals are [created, ended): at equal instants an end comes before a start.
            events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));
            int current = 0, maxLive = 0;
            foreach (var (_, delta) in events)
            {
                current += delta;
                maxLive = Math.Max(maxLive, current);
            }

            return new JobServiceStats
            {
                Now = now,
                Calls = Enum.GetValues<JobEndpoint>().ToDictionary(e => e, e => _calls[(int)e]),
                MaxCallsPerSecond = Enum.GetValues<JobEndpoint>().ToDictionary(e => e, e => _endpointRates[(int)e].MaxWithin(Second)),
                MaxReadsPerSecond = _readRate.MaxWithin(Second),
                MaxWritesPerSecond = _writeRate.MaxWithin(Second),
                MaxReadsPer5Seconds = _readRate.MaxWithin(FiveSeconds),
                MaxWritesPer5Seconds = _writeRate.MaxWithin(FiveSeconds),
                JobsCreated = _jobs.Count,
                LiveJobs = live,
                MaxConcurrentLiveJobs = maxLive,
                CancelledJobs = cancelled,
                FinishedJobs = finished,
                JobsPerKey = new Dictionary<string, int>(_jobsPerKey, StringComparer.Ordinal),
                CreateRequestsPerKey = new Dictionary<string, int>(_createsPerKey, StringComparer.Ordinal),
                Faults = new Dictionary<FaultKind, int>(_faults),
            };
        }
    }

    private sealed class StoredJob(string id, string key, DateTimeOffset createdAt, DateTimeOffset runningAt, DateTimeOffset endsAt, bool fail, string error, JsonElement? output)
    {
        public string Id { get; } = id;

        public string Key { get; } = key;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset? CancelledAt { get; set; }

        public int CancelRequests { get; set; }

        public string StateAt(DateTimeOffset now) =>
            CancelledAt is not null ? JobStates.Cancelled
            : now < runningAt ? JobStates.Pending
            : now < endsAt ? JobStates.Running
            : fail ? JobStates.Failed
            : JobStates.Done;

        public DateTimeOffset? EndedAt(DateTimeOffset now) =>
            CancelledAt ?? (now >= endsAt ? endsAt : null);

        public JobStatus ToStatus(DateTimeOffset now)
        {
            var state = StateAt(now);
            return new JobStatus(Id, state, state == JobStates.Failed ? error : null, state == JobStates.Done ? output : null);
        }

        public JobSnapshot ToSnapshot(DateTimeOffset now) => new(Id, Key, StateAt(now), CreatedAt, EndedAt(now), CancelRequests);
    }
}

/// <summary>
/// The most events seen within any window of a given length starting at an event. Not thread-safe; the store locks
/// around it.
/// </summary>
internal sealed class SlidingWindowCounter
{
    // Send times can arrive out of order, so every time is kept and the busiest window is found when asked.
    private readonly List<DateTimeOffset> _times = new();

    /// <summary>The most events in any window [t, t + window).</summary>
    public int MaxWithin(TimeSpan window)
    {
        var sorted = _times.Order().ToArray();
        var max = 0;
        for (int start = 0, end = 0; start < sorted.Length; start++)
        {
            while (end < sorted.Length && sorted[end] < sorted[start] + window)
            {
                end++;
            }

            max = Math.Max(max, end - start);
        }

        return max;
    }

    public void Record(DateTimeOffset at) => _times.Add(at);
}
