using System.Diagnostics;

namespace AsyncPluginGen.Benchmarks.Agent;

/// <summary>
/// Call latencies of one measured window, in 1 µs buckets up to 200 ms (one overflow bucket above): preallocated, and
/// recorded with one interlocked increment, so measuring allocates nothing and costs the same for every service.
/// </summary>
internal sealed class LoadHistogram
{
    private const int Buckets = 200_000;
    private static readonly double TicksPerMicrosecond = Stopwatch.Frequency / 1_000_000.0;
    private readonly long[] _counts = new long[Buckets + 1];
    private long _count;
    private long _errors;

    public long Count => Interlocked.Read(ref _count);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Records one call that started at <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) and ends now.</summary>
    public void Record(long startTimestamp)
    {
        var micros = (long)((Stopwatch.GetTimestamp() - startTimestamp) / TicksPerMicrosecond);
        Interlocked.Increment(ref _counts[Math.Min(micros, Buckets)]);
        Interlocked.Increment(ref _count);
    }

    public void RecordError() => Interlocked.Increment(ref _errors);

    /// <summary>The latency at or below which <paramref name="fraction"/> of the calls ended, in milliseconds (1 µs resolution).</summary>
    public double PercentileMs(double fraction)
    {
        var target = Math.Max(1, (long)Math.Ceiling(Count * fraction));
        long seen = 0;
        for (var i = 0; i <= Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= target)
            {
                return (i + 1) / 1000.0;
            }
        }

        return Buckets / 1000.0;
    }
}
