using Microsoft.Extensions.Time.Testing;

namespace AsyncPluginGen.JobService.Tests;

internal static class TestClock
{
    /// <summary>The longest any single await in these tests may take (real time): a bound, not a sleep.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    public static FakeTimeProvider Create() => new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Bound);

    public static Task Bounded(this Task task) => task.WaitAsync(Bound);
}
