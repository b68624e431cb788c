using System.Diagnostics;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// The one wrapper around every remote call of a plugin: the rate-limit permit, the span, the duration and error
/// metrics, and the translation of what the call threw into a <see cref="CallResult"/>. The host's own cancellation is
/// not an outcome: it propagates, and the worker ends.
/// </summary>
internal sealed class RemoteCalls : IAsyncDisposable
{
    private readonly HostContext _host;
    private readonly string _pluginId;

    public RemoteCalls(HostContext host, PluginConfig config, string pluginId)
    {
        _host = host;
        _pluginId = pluginId;
        var now = host.Time.GetUtcNow();
        Reads = new ClockedTokenBucket(config.ReadRateLimiter, now, () => host.Metrics.Throttled(pluginId, "read"));
        Writes = new ClockedTokenBucket(config.WriteRateLimiter, now, () => host.Metrics.Throttled(pluginId, "write"));
    }

    public ClockedTokenBucket Reads { get; }

    public ClockedTokenBucket Writes { get; }

    /// <summary>The host's clock ticked: credit both limiters.</summary>
    public void Refill(DateTimeOffset now)
    {
        Reads.Refill(now);
        Writes.Refill(now);
    }

    /// <summary>Takes a permit, then calls <paramref name="call"/> within a span, measured.</summary>
    /// <param name="operation">Which call.</param>
    /// <param name="record">The task (the span's tags; its interrupt is checked after the permit).</param>
    /// <param name="state">Passed to <paramref name="call"/>, so callers need no closure.</param>
    /// <param name="call">The call.</param>
    /// <param name="token">The token for the permit and the call: the host's, or a sync task's own.</param>
    /// <param name="skipIfInterrupted">Do not call when the task was interrupted while waiting for its permit.</param>
    /// <returns>The outcome; dispose it to end the span.</returns>
    public async ValueTask<CallOutcome<T>> InvokeAsync<T, TState>(
        RemoteOperation operation,
        TaskRecord record,
        TState state,
        Func<TState, CancellationToken, ValueTask<T>> call,
        CancellationToken token,
        bool skipIfInterrupted = true)
    {
        try
        {
            await (operation.Writes ? Writes : Reads).AcquireAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_host.Stopping.IsCancellationRequested)
        {
            return new CallOutcome<T>(CallResult.Interrupted, default, null, null);
        }

        if (skipIfInterrupted && (record.IsFinished || record.Interrupt != TaskInterrupt.None))
        {
            return new CallOutcome<T>(CallResult.Interrupted, default, null, null);
        }

        var activity = operation.Span is { } span ? HostActivity.Start(span, _pluginId, record) : null;
        var started = _host.Time.GetTimestamp();
        try
        {
            var value = await call(state, token).ConfigureAwait(false);
            Measure(operation, record, started, null);
            return new CallOutcome<T>(CallResult.Succeeded, value, null, activity);
        }
        catch (Exception exception) when (!_host.Stopping.IsCancellationRequested)
        {
            var result = Classify(exception, token);
            Measure(operation, record, started, result == CallResult.Permanent ? ((PermanentTaskFailureException)exception).Code : PluginRunnerErrors.Code(exception));
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return new CallOutcome<T>(result, default, exception, activity);
        }
        catch
        {
            activity?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Reads.DisposeAsync().ConfigureAwait(false);
        await Writes.DisposeAsync().ConfigureAwait(false);
    }

    private CallResult Classify(Exception exception, CancellationToken token) => exception switch
    {
        PermanentTaskFailureException => CallResult.Permanent,
        // The task's own token (a sync task's abort or deadline), not a time-out of the call.
        OperationCanceledException when token.IsCancellationRequested => CallResult.Interrupted,
        _ when TransientErrors.IsTransient(exception, _host.Stopping) => CallResult.Transient,
        _ => CallResult.Failed,
    };

    private void Measure(RemoteOperation operation, TaskRecord record, long started, string? errorCode)
    {
        if (operation.Metric is { } metric)
        {
            _host.Metrics.Operation(_pluginId, record.Task.TaskType, metric, _host.Time.GetElapsedTime(started), errorCode);
        }
    }
}
