using System.Diagnostics;

namespace AsyncPluginGen.Benchmarks.FlyteAgent;

/// <summary>
/// Call latencies in 1 µs buckets up to 100 ms (one overflow bucket above), recorded lock-free and allocation-free, so
/// measuring does not add to the allocations being measured.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int Buckets = 100_000;
    private readonly long[] _counts = new long[Buckets + 1];
    private long _total;

    public long Count => Interlocked.Read(ref _total);

    public void Record(long startTimestamp)
    {
        var micros = (long)(Stopwatch.GetElapsedTime(startTimestamp).Ticks / (TimeSpan.TicksPerMillisecond / 1000.0));
        Interlocked.Increment(ref _counts[Math.Min(micros, Buckets)]);
        Interlocked.Increment(ref _total);
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the calls fell, in milliseconds.</summary>
    public double PercentileMs(double fraction)
    {
        var target = (long)Math.Ceiling(Count * fraction);
        long seen = 0;
        for (var i = 0; i <= Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= target)
            {
                return i / 1000.0;
            }
        }

        return Buckets / 1000.0;
    }
}
