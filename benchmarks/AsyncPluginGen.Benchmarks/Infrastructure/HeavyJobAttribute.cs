using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace AsyncPluginGen.Benchmarks.Infrastructure;

/// <summary>
/// For benchmarks whose single invocation takes from a millisecond to seconds (cold start, generator and analyzer runs,
/// the host with a million tasks): a fixed, small number of warm-up and measured iterations instead of BenchmarkDotNet's
/// adaptive defaults. Applied on top of whatever job runs the class. Benchmarks that drive Roslyn ask for more warm-up,
/// because the compiler's own code is still being JIT-compiled during the first runs. A job named on the command line
/// (<c>--job dry</c>, for instance) is left as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HeavyJobAttribute : JobMutatorConfigBaseAttribute
{
    public HeavyJobAttribute(int warmupCount = 1)
        : base(BenchmarkMode.JobFromCommandLine
            ? Job.Default
            : Job.Default
                .WithWarmupCount(warmupCount)
                .WithIterationCount(BenchmarkMode.Quick ? 3 : 10))
    {
    }
}
