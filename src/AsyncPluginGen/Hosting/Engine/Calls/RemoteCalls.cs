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
    private readonly CallTimeouts _timeouts;
    private readonly CallSources _sources;
    private readonly CancellationTokenRegistration _stopping;

    public RemoteCalls(HostContext host, PluginConfig config, string pluginId)
    {
        _host = host;
        _pluginId = pluginId;
        _timeouts = PluginHostOptionsValidation.EffectiveCallTimeouts(host.Options, pluginId);
        _sources = new CallSources(host.Time, (2 * config.Caching.Workers) + 2);
        _stopping = host.Stopping.UnsafeRegister(static s => ((CallSources)s!).CancelAll(), _sources);
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

    /// <summary>
    /// Takes a permit, then calls <paramref name="call"/> within a span, measured, for at most the operation's call
    /// timeout: the call's token is cancelled then, and the worker stops waiting even when the plugin ignores it (the
    /// abandoned call's failure is logged when it comes). A read of a task that may be interrupted is interruptible: an
    /// abort or deadline cancels its permit wait and its call, so the task's Delete never waits for a hung read.
    /// </summary>
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
        // One source per call, reused: the caller's token (the host's, or a sync task's own), the record's interrupt
        // (an interruptible read) and, once the permit is taken, the call's timeout all cancel it.
        var interruptible = skipIfInterrupted && !operation.Writes;
        var source = _sources.Rent();
        if (interruptible && !record.TryEnterInterruptibleCall(source))
        {
            _sources.Return(source);
            return new CallOutcome<T>(CallResult.Interrupted, default, null, null);
        }

        // The host's own token cancels every source when it stops (CancelAll); any other token (a sync task's) is registered.
        var registration = default(CancellationTokenRegistration);
        if (token == _host.Stopping)
        {
            if (token.IsCancellationRequested)
            {
                source.Cancel(); // Made after the stop's sweep: cancelled here.
            }
        }
        else
        {
            registration = token.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
        }

        Task<T>? pending = null;
        try
        {
            try
            {
                await (operation.Writes ? Writes : Reads).AcquireAsync(source.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!_host.Stopping.IsCancellationRequested)
            {
                return new CallOutcome<T>(CallResult.Interrupted, default, null, null);
            }

            if (skipIfInterrupted && (record.IsFinished || record.Interrupt != TaskInterrupt.None))
            {
                return new CallOutcome<T>(CallResult.Interrupted, default, null, null);
            }

            var limit = _timeouts.For(operation);
            var activity = operation.Span is { } span ? HostActivity.Start(span, _pluginId, record) : null;
            var started = _host.Time.GetTimestamp();
            try
            {
                var running = call(state, source.Token);
                T value;
                if (running.IsCompletedSuccessfully)
                {
                    value = running.Result;
                }
                else
                {
                    // The timer only for a call that waits; its limit counts from the call's start.
                    source.Arm(limit, started);
                    pending = running.AsTask();
                    value = await pending.WaitAsync(source.Token).ConfigureAwait(false);
                }

                Measure(operation, record, started, null);
                return new CallOutcome<T>(CallResult.Succeeded, value, null, activity);
            }
            catch (Exception exception) when (!_host.Stopping.IsCancellationRequested)
            {
                // Who cancelled the source: the caller's token or an interrupt (not a failure of the call), else its timer.
                var interrupted = token.IsCancellationRequested || (interruptible && record.Interrupt != TaskInterrupt.None);
                var timedOut = source.IsCancellationRequested && !interrupted;
                if (timedOut)
                {
                    exception = new TimeoutException($"The {operation.Timeout} call of plugin '{_pluginId}' did not complete within its timeout of {limit}.", exception);
                    activity?.SetTag("asyncplugin.timed_out", true);
                }

                var result = timedOut ? CallResult.Transient : Classify(exception, interrupted);
                Measure(operation, record, started, timedOut ? "timeout" : result == CallResult.Permanent ? ((PermanentTaskFailureException)exception).Code : PluginRunnerErrors.Code(exception));

                // Classified first (by type), then bounded and redacted: what the handlers, logs and span keep is the clean text.
                exception = RemoteText.Clean(exception, record.Task, _host.Options.MaxRemoteTextLength);
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                return new CallOutcome<T>(result, default, exception, activity);
            }
            catch
            {
                activity?.Dispose();
                throw;
            }
        }
        finally
        {
            // Nothing may cancel the source once it is reused: the registration's callback has run or never will once
            // Dispose returns, and a record that an interrupt took the source from keeps it from the pool.
            registration.Dispose();
            var released = !interruptible || record.ExitInterruptibleCall(source);
            if (pending is { IsCompleted: false })
            {
                Abandon(pending, operation, record, source);
            }
            else if (released)
            {
                _sources.Return(source);
            }
            else
            {
                source.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.DisposeAsync().ConfigureAwait(false);
        _sources.Dispose();
        await Reads.DisposeAsync().ConfigureAwait(false);
        await Writes.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The worker stopped waiting for <paramref name="pending"/> (time-out, interrupt, host stop): its source stays alive
    /// until it ends, and its failure, if any, is observed and logged.
    /// </summary>
    private void Abandon<T>(Task<T> pending, RemoteOperation operation, TaskRecord record, CallSource source)
    {
        pending.ContinueWith(
            static (ended, state) =>
            {
                var (self, operation, task, source) = ((RemoteCalls, RemoteOperation, TaskContext, CallSource))state!;
                source.Dispose();
                if (ended.Exception is { } exception && exception.GetBaseException() is not OperationCanceledException)
                {
                    var clean = RemoteText.Clean(exception.GetBaseException(), task, self._host.Options.MaxRemoteTextLength);
                    HostLog.AbandonedCallFailed(self._host.Logger, clean, operation.Timeout.ToString(), self._pluginId, task.UniqueName);
                }
            },
            (this, operation, record.Task, source),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private CallResult Classify(Exception exception, bool interrupted) => exception switch
    {
        PermanentTaskFailureException => CallResult.Permanent,
        // The caller's token (a sync task's abort or deadline) or the task's interrupt, not a time-out of the call.
        OperationCanceledException when interrupted => CallResult.Interrupted,
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
