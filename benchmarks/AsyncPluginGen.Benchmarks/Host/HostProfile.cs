using System.Diagnostics;
using System.Globalization;

namespace AsyncPluginGen.Benchmarks.Host;

/// <summary>
/// <c>host-profile [tasks] [cycles]</c>: one host with <c>tasks</c> tasks in flight, polled <c>cycles</c> times in a
/// loop, printing the time and allocation of a poll per task. Made to run under <c>perf record</c> (see
/// benchmarks/README.md): one steady loop, no BenchmarkDotNet process around it.
/// </summary>
internal static class HostProfile
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(5);

    public static int Run(string[] args)
    {
        if (args.FirstOrDefault() == "start")
        {
            return Start(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
        }

        var tasks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var cycles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var host = new HostHarness(Resync);
        try
        {
            host.SubmitAndDrive(HostTasks.Create(tasks));
            for (var warmup = 0; warmup < 50; warmup++)
            {
                HostCalls.AwaitGets(tasks, () => host.Clock.Advance(Resync));
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var each = new double[cycles];
            var watch = Stopwatch.StartNew();
            for (var cycle = 0; cycle < cycles; cycle++)
            {
                var started = Stopwatch.GetTimestamp();
                HostCalls.AwaitGets(tasks, () => host.Clock.Advance(Resync));
                each[cycle] = Stopwatch.GetElapsedTime(started).TotalNanoseconds / tasks;
            }

            watch.Stop();
            Array.Sort(each);
            var polls = (double)tasks * cycles;
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tasks} tasks, {cycles} cycles: {watch.Elapsed.TotalNanoseconds / polls:F1} ns and {bytes / polls:F2} B per task per poll; per cycle, ns per task: min {each[0]:F1}, median {each[cycles / 2]:F1}, p90 {each[cycles * 9 / 10]:F1}, max {each[^1]:F1}; {ThreadPool.ThreadCount} pool threads"));
            return 0;
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary><c>host-profile start [tasks]</c>: gets the tasks running once, sampling what is allocated on the way.</summary>
    private static int Start(int tasks)
    {
        var contexts = HostTasks.Create(tasks);
        using var sampler = new AllocationSampler();
        var host = new HostHarness();
        try
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            sampler.Start();
            var watch = Stopwatch.StartNew();
            host.SubmitAndDrive(contexts);
            watch.Stop();
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tasks} tasks started: {watch.Elapsed.TotalNanoseconds / tasks:F0} ns and {(double)bytes / tasks:F1} B per task; sampled types (B per task):"));
            foreach (var (type, sampled) in sampler.Top(25))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(double)sampled / tasks,7:F1}  {type}"));
            }

            return 0;
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
