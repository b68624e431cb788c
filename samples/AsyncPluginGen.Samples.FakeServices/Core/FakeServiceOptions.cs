using Microsoft.AspNetCore.Http;

namespace AsyncPluginGen.Samples.FakeServices;

/// <summary>How a fake service behaves: its latency, how long its jobs run, and how often it fails.</summary>
public sealed class FakeServiceOptions
{
    /// <summary>The seed of every random choice (faults, latencies, durations, job failures), so a run can be repeated.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Probability in [0, 1] that a request gets an injected fault (500, 503, 429, or a lost response).</summary>
    public double FaultRate { get; init; } = 0.02;

    /// <summary>Probability in [0, 1] that a job ends in failure rather than success.</summary>
    public double JobFailureRate { get; init; } = 0.05;

    /// <summary>The shortest response time of a request.</summary>
    public TimeSpan MinLatency { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The longest response time of a request.</summary>
    public TimeSpan MaxLatency { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a new job waits before it runs.</summary>
    public TimeSpan PendingDuration { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The shortest run time of a job.</summary>
    public TimeSpan MinJobDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest run time of a job.</summary>
    public TimeSpan MaxJobDuration { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>How long a cancelled job spends stopping before it is stopped; zero stops it at once.</summary>
    public TimeSpan StopDuration { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Sees every request twice: when it arrives (<see cref="FakeRequestStage.Received"/>) and, if the service did its
    /// work, before the answer is written (<see cref="FakeRequestStage.Applied"/>); the request waits for the returned
    /// task. A crash test uses it to hold a Create or a cancel in flight while it kills the client. Null: nobody sees them.
    /// </summary>
    public Func<FakeRequestStage, FakeEndpoint, HttpContext, ValueTask>? OnRequest { get; init; }

    /// <summary>The service's clock: job states are computed from it, and latencies wait on it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it and the range.</exception>
    public void Validate()
    {
        Probability(FaultRate, nameof(FaultRate));
        Probability(JobFailureRate, nameof(JobFailureRate));
        Ordered(MinLatency, MaxLatency, nameof(MinLatency), nameof(MaxLatency));
        Ordered(MinJobDuration, MaxJobDuration, nameof(MinJobDuration), nameof(MaxJobDuration));
        if (PendingDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PendingDuration), PendingDuration, $"{nameof(PendingDuration)} must not be negative.");
        }

        if (StopDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StopDuration), StopDuration, $"{nameof(StopDuration)} must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(Time);
    }

    private static void Probability(double value, string name)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is a probability: it must be between 0 and 1.");
        }
    }

    private static void Ordered(TimeSpan min, TimeSpan max, string minName, string maxName)
    {
        if (min < TimeSpan.Zero || max < min)
        {
            throw new ArgumentOutOfRangeException(minName, min, $"{minName} ({min}) must be at least zero and at most {maxName} ({max}).");
        }
    }
}
