namespace AsyncPluginGen.Hosting.Tests.Infrastructure;

/// <summary>Bounds for every wait in this project: real time, never fake time.</summary>
internal static class Wait
{
    /// <summary>How long any single wait may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A gate a test plugin awaits until the test opens it.</summary>
    /// <returns>The gate.</returns>
    public static TaskCompletionSource Gate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Awaits a task's completion, bounded.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <returns>The result.</returns>
    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Timeout);

    /// <summary>Awaits a task's completion, bounded.</summary>
    /// <param name="task">The task.</param>
    /// <returns>A task that completes with <paramref name="task"/>.</returns>
    public static Task Bounded(this Task task) => task.WaitAsync(Timeout);
}

/// <summary>
/// A level-triggered "something changed" signal: writers <see cref="Fire"/> after every change, readers wait until a
/// condition over the shared state holds. No polling, no delays.
/// </summary>
internal sealed class Pulse
{
    private TaskCompletionSource _next = Wait.Gate();

    /// <summary>Wakes every waiter so it re-checks its condition.</summary>
    public void Fire() => Interlocked.Exchange(ref _next, Wait.Gate()).TrySetResult();

    /// <summary>Waits until <paramref name="condition"/> holds, at most <see cref="Wait.Timeout"/>.</summary>
    /// <param name="condition">Checked after every change.</param>
    /// <param name="describe">Describes what was awaited and the state, for the failure message.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public async Task WaitUntilAsync(Func<bool> condition, Func<string> describe)
    {
        try
        {
            await LoopAsync(condition).WaitAsync(Wait.Timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {Wait.Timeout.TotalSeconds:0} s waiting for {describe()}");
        }
    }

    private async Task LoopAsync(Func<bool> condition)
    {
        while (true)
        {
            // Read the signal before the condition, so a change between the two is never missed.
            var changed = Volatile.Read(ref _next).Task;
            if (condition())
            {
                return;
            }

            await changed.ConfigureAwait(false);
        }
    }
}
