using System.Diagnostics;

namespace AsyncPluginGen.Hosting;

/// <summary>How a remote call ended, as the step handlers need to know it.</summary>
internal enum CallResult : byte
{
    /// <summary>The call returned a value.</summary>
    Succeeded,

    /// <summary>Not called: the task was interrupted (abort, deadline) while it waited for its permit, or during the call.</summary>
    Interrupted,

    /// <summary>A failure a retry may fix (network, time-out, throttling, 5xx).</summary>
    Transient,

    /// <summary>The plugin threw <see cref="PermanentTaskFailureException"/>: the task fails with its code, no retry.</summary>
    Permanent,

    /// <summary>Any other failure.</summary>
    Failed,
}

/// <summary>
/// The outcome of one remote call. It holds the call's span open until disposed, so what the handler does with the
/// outcome (a retry scheduled, a failure counted) happens inside the span, and a test that waits for the span's end
/// sees its consequences.
/// </summary>
internal readonly struct CallOutcome<T> : IDisposable
{
    private readonly Activity? _activity;

    public CallOutcome(CallResult result, T? value, Exception? exception, Activity? activity)
    {
        Result = result;
        Value = value;
        Exception = exception;
        _activity = activity;
    }

    public CallResult Result { get; }

    /// <summary>The returned value, when <see cref="Result"/> is Succeeded.</summary>
    public T? Value { get; }

    /// <summary>What the call threw, for the failures.</summary>
    public Exception? Exception { get; }

    public bool Succeeded => Result == CallResult.Succeeded;

    public void Dispose() => _activity?.Dispose();
}
