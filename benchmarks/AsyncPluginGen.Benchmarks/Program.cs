using AsyncPluginGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace AsyncPluginGen.Benchmarks;

/// <summary>
/// Runs the benchmarks of issue 6 with BenchmarkDotNet's switcher, so its command-line options all work
/// (<c>--filter</c>, <c>--list</c>, <c>--job</c>, ...). Two additions:
/// <list type="bullet">
/// <item><c>--quick</c>: smaller parameter sets and a short in-process job (about 3 minutes on 2 cores), to check that
/// everything runs and to get rough figures. Without it, the full run: every size, BenchmarkDotNet's default job, one
/// process per benchmark case.</item>
/// <item>With no <c>--filter</c> (and no <c>--list</c>), every benchmark runs, rather than an interactive menu.</item>
/// <item><c>agent-load</c> as the first argument runs the Flyte agent load test instead (<see cref="Agent.AgentLoad"/>).</item>
/// <item><c>generator-profile</c> repeats the generator's incremental run and times its steps (<see cref="Generator.GeneratorProfile"/>).</item>
/// <item><c>cold-probe</c> splits the generated registry's cold start into steps and lists what the JIT compiled (<see cref="Registration.ColdProbe"/>).</item>
/// <item><c>host-profile</c> polls a host's in-flight tasks in a loop and prints the cost per poll (<see cref="Host.HostProfile"/>).</item>
/// <item><c>analyzer-profile</c> compiles with each APG analyzer alone and with both, in turns (<see cref="Analyzers.AnalyzerProfile"/>).</item>
/// </list>
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.FirstOrDefault() == "agent-load")
        {
            // A load test, not a BenchmarkDotNet benchmark: throughput and latency over loopback (benchmarks/README.md).
            return Agent.AgentLoad.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.FirstOrDefault() == "generator-profile")
        {
            return Generator.GeneratorProfile.Run(args[1..]);
        }

        if (args.FirstOrDefault() == "cold-probe")
        {
            return Registration.ColdProbe.Run(args[1..]);
        }

        if (args.FirstOrDefault() == "host-profile")
        {
            return Host.HostProfile.Run(args[1..]);
        }

        if (args.FirstOrDefault() == "analyzer-profile")
        {
            return Analyzers.AnalyzerProfile.Run(args[1..]);
        }

        BenchmarkMode.Quick = args.Contains("--quick", StringComparer.Ordinal);
        args = args.Where(a => a != "--quick").ToArray();
        if (!args.Any(a => a is "--filter" or "-f" or "--list"))
        {
            args = [.. args, "--filter", "*"];
        }

        BenchmarkMode.JobFromCommandLine = args.Any(a => a is "--job" or "-j" or "--inProcess" or "-i");
        RetainedMemory.Reset();
        var config = CreateConfig(BenchmarkMode.Quick, BenchmarkMode.JobFromCommandLine);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static ManualConfig CreateConfig(bool quick, bool jobFromCommandLine)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(PerTaskColumn.All)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared))
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value));
        if (quick && !jobFromCommandLine)
        {
            // In process: no project to generate and build, no process per case. Figures are rough; the full run is the reference.
            config.AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(3)
                .WithIterationTime(TimeInterval.FromMilliseconds(100))
                .WithId("Quick"));
        }

        return config;
    }
}
