namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>
/// A fake service's jobs, one per idempotency key, behind one lock. A job's state is computed from the clock: pending,
/// then running for its duration, then succeeded or failed; a cancel before the end makes it stopping, then stopped.
/// </summary>
public sealed class RemoteJobLedger
{
    private readonly object _gate = new();
    private readonly FakeServiceOptions _options;
    private readonly Random _random;
    private readonly string _idPrefix;
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    private readonly List<Entry> _entries = [];
    private readonly long[] _calls = new long[Enum.GetValues<FakeEndpoint>().Length];
    private readonly long[] _faults = new long[Enum.GetValues<InjectedFault>().Length];

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="options">Durations, failure rate, seed and clock.</param>
    /// <param name="idPrefix">Prefix of the ids the service gives its jobs.</param>
    public RemoteJobLedger(FakeServiceOptions options, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _idPrefix = idPrefix;
        _random = new Random(options.Seed);
    }

    private DateTimeOffset Now => _options.Time.GetUtcNow();

    /// <summary>The job created with <paramref name="key"/>, created now when the key is new.</summary>
    /// <param name="key">The client's idempotency key.</param>
    /// <param name="payload">What the client sent, kept with the job.</param>
    /// <returns>The job, and whether this call created it.</returns>
    public (RemoteJob Job, bool Created) GetOrCreate(string key, object? payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            var now = Now;
            if (_byKey.TryGetValue(key, out var existing))
            {
                return (existing.View(now), false);
            }

            var startsAt = now + _options.PendingDuration;
            var duration = _options.MinJobDuration + ((_options.MaxJobDuration - _options.MinJobDuration) * _random.NextDouble());
            var entry = new Entry(
                _idPrefix + (_entries.Count + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
                key,
                payload,
                now,
                startsAt,
                startsAt + duration,
                _random.NextDouble() < _options.JobFailureRate);
            _entries.Add(entry);
            _byId.Add(entry.Id, entry);
            _byKey.Add(key, entry);
            return (entry.View(now), true);
        }
    }

    /// <summary>The job with the service's id <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The job, or null when there is none.</returns>
    public RemoteJob? Find(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var entry) ? entry.View(Now) : null;
        }
    }

    /// <summary>The job created with the idempotency key <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The job, or null when there is none.</returns>
    public RemoteJob? FindByKey(string key)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out var entry) ? entry.View(Now) : null;
        }
    }

    /// <summary>Cancels the job unless it has ended. Cancelling twice changes nothing.</summary>
    /// <param name="id">The job's id.</param>
    /// <returns>The job after the cancel, or null when there is none.</returns>
    public RemoteJob? Cancel(string id)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var entry))
            {
                return null;
            }

            var now = Now;
            if (entry.CancelledAt is null && !entry.StateAt(now).IsTerminal())
            {
                entry.CancelledAt = now;
                entry.StoppedAt = now + _options.StopDuration;
            }

            return entry.View(now);
        }
    }

    /// <summary>Every job, in creation order.</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<RemoteJob> Jobs()
    {
        lock (_gate)
        {
            var now = Now;
            return _entries.Select(e => e.View(now)).ToArray();
        }
    }

    /// <summary>Counts a request.</summary>
    /// <param name="endpoint">What it called.</param>
    public void RecordCall(FakeEndpoint endpoint) => Interlocked.Increment(ref _calls[(int)endpoint]);

    /// <summary>Decides whether this request gets a fault, and which, and counts it.</summary>
    /// <param name="endpoint">What the request calls; only Create and Cancel can lose their response after doing the work.</param>
    /// <returns>The fault, or <see cref="InjectedFault.None"/>.</returns>
    public InjectedFault RollFault(FakeEndpoint endpoint)
    {
        double roll, kind;
        lock (_gate)
        {
            roll = _random.NextDouble();
            kind = _random.NextDouble();
        }

        if (roll >= _options.FaultRate)
        {
            return InjectedFault.None;
        }

        var fault = kind switch
        {
            < 0.30 => InjectedFault.Unavailable,
            < 0.50 => InjectedFault.ServerError,
            < 0.80 => InjectedFault.Throttled,
            _ => endpoint == FakeEndpoint.Get ? InjectedFault.Unavailable : InjectedFault.LostResponse,
        };
        Interlocked.Increment(ref _faults[(int)fault]);
        return fault;
    }

    /// <summary>This request's response time, between the configured minimum and maximum.</summary>
    /// <returns>The latency.</returns>
    public TimeSpan RollLatency()
    {
        lock (_gate)
        {
            return _options.MinLatency + ((_options.MaxLatency - _options.MinLatency) * _random.NextDouble());
        }
    }

    /// <summary>What the service counted so far.</summary>
    /// <param name="service">The service's name, for the report.</param>
    /// <returns>A snapshot.</returns>
    public ServiceStats Stats(string service)
    {
        lock (_gate)
        {
            var now = Now;
            return new ServiceStats(
                service,
                Enum.GetValues<FakeEndpoint>().ToDictionary(e => e, e => Interlocked.Read(ref _calls[(int)e])),
                Enum.GetValues<InjectedFault>().Where(f => f != InjectedFault.None).ToDictionary(f => f, f => Interlocked.Read(ref _faults[(int)f])),
                _entries.Count,
                _entries.Count(e => e.StateAt(now).IsLive()));
        }
    }

    /// <summary>
    /// Compares the service's jobs with the client's claims, once every client task has ended or was handed over. A job
    /// still pending or running is leaked, unless its task was <see cref="ClientVerdict.HandedOver"/>. A task is lost when it never ended, when it claims a success this service did not see, or
    /// when the service ran a job for a key the client gave no outcome for.
    /// </summary>
    /// <param name="service">The service's name, for the report.</param>
    /// <param name="outcomes">Every task the client sent to this service, keyed as the service knows it.</param>
    /// <returns>The report.</returns>
    public ReconciliationReport Reconcile(string service, IEnumerable<ClientTaskOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var claims = new Dictionary<string, ClientVerdict>(StringComparer.Ordinal);
        var problems = new List<string>();
        var lost = 0;
        foreach (var outcome in outcomes)
        {
            if (!claims.TryAdd(outcome.Key, outcome.Verdict))
            {
                lost++;
                problems.Add($"lost: the client reported key '{outcome.Key}' twice");
            }
        }

        lock (_gate)
        {
            var now = Now;
            var leaked = 0;
            foreach (var entry in _entries)
            {
                var state = entry.StateAt(now);
                if (state.IsLive() && !(claims.TryGetValue(entry.Key, out var claim) && claim == ClientVerdict.HandedOver))
                {
                    leaked++;
                    problems.Add($"leaked: job {entry.Id} (key '{entry.Key}') is still {state} and nobody will stop it");
                }

                if (!claims.ContainsKey(entry.Key))
                {
                    lost++;
                    problems.Add($"lost: job {entry.Id} ran for key '{entry.Key}', but the client has no task with that key");
                }
            }

            foreach (var (key, verdict) in claims)
            {
                var state = _byKey.TryGetValue(key, out var entry) ? entry.StateAt(now) : (RemoteJobState?)null;
                if (verdict == ClientVerdict.Unfinished)
                {
                    lost++;
                    problems.Add($"lost: the task with key '{key}' never reached a final phase (its job is {state?.ToString() ?? "absent"})");
                }
                else if (verdict == ClientVerdict.Succeeded && state != RemoteJobState.Succeeded)
                {
                    lost++;
                    problems.Add($"lost: the task with key '{key}' claims success, but its job is {state?.ToString() ?? "absent"}");
                }
            }

            return new ReconciliationReport(service, _entries.Count, leaked, lost, problems);
        }
    }

    private sealed class Entry(string id, string key, object? payload, DateTimeOffset createdAt, DateTimeOffset startsAt, DateTimeOffset endsAt, bool fails)
    {
        public string Id { get; } = id;

        public string Key { get; } = key;

        public DateTimeOffset? CancelledAt { get; set; }

        public DateTimeOffset? StoppedAt { get; set; }

        public RemoteJobState StateAt(DateTimeOffset now) =>
            CancelledAt is not null ? (now < StoppedAt ? RemoteJobState.Stopping : RemoteJobState.Stopped)
            : now < startsAt ? RemoteJobState.Pending
            : now < endsAt ? RemoteJobState.Running
            : fails ? RemoteJobState.Failed
            : RemoteJobState.Succeeded;

        public RemoteJob View(DateTimeOffset now)
        {
            var state = StateAt(now);
            return new RemoteJob(
                Id,
                Key,
                state,
                createdAt,
                now >= startsAt && (CancelledAt is null || CancelledAt >= startsAt) ? startsAt : null,
                CancelledAt ?? (state.IsTerminal() ? endsAt : null),
                state == RemoteJobState.Failed ? "the job failed: the remote work raised an error" : null,
                payload,
                now);
        }
    }
}
