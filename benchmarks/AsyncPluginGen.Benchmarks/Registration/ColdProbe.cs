using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Runtime.CompilerServices;
using AsyncPluginGen.Benchmarks.Infrastructure;

namespace AsyncPluginGen.Benchmarks.Registration;

/// <summary>
/// <c>cold-probe [plugins] [collectible]</c>: the generated registry's cold path split into steps (entry point, routes,
/// the plugin's type and static initialiser, the descriptor, the instance) against the hand-written dictionary's whole
/// path, each in a fresh load context, and the methods the JIT compiled on the generated path with their tier (from the
/// runtime's own events). Explains what <see cref="RegistryColdStartBenchmarks"/> measures.
/// </summary>
internal static class ColdProbe
{
    public static int Run(string[] args)
    {
        var plugins = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var collectible = args.Length > 1 && args[1] == "collectible";
        var synthetic = SyntheticPluginAssembly.Get(plugins);
        var taskType = SyntheticSources.TaskType(plugins / 2);
        var pluginType = "Synthetic.Plugin" + (plugins / 2).ToString("D4", CultureInfo.InvariantCulture);

        // The host side (this process's code) is compiled once before anything is measured.
        var (_, warm) = synthetic.Load(collectible);
        new PluginCatalog([synthetic.Registry(warm)]).GetDescriptor(taskType).CreatePlugin(NoServices.Instance);
        SyntheticPluginAssembly.ManualRegistry(warm)()[taskType]();

        using var jit = new JitEvents();
        const int Rounds = 5;
        for (var round = 0; round < Rounds; round++)
        {
            var (_, assembly) = synthetic.Load(collectible);
            var watch = Stopwatch.StartNew();
            var registry = synthetic.Registry(assembly);
            var entry = watch.Elapsed.TotalMilliseconds;
            var catalog = new PluginCatalog([registry]);
            var routes = watch.Elapsed.TotalMilliseconds;
            RuntimeHelpers.RunClassConstructor(assembly.GetType(pluginType, throwOnError: true)!.TypeHandle);
            var initialiser = watch.Elapsed.TotalMilliseconds;
            var descriptor = catalog.GetDescriptor(taskType);
            var described = watch.Elapsed.TotalMilliseconds;
            descriptor.CreatePlugin(NoServices.Instance);
            var created = watch.Elapsed.TotalMilliseconds;

            var (_, other) = synthetic.Load(collectible);
            watch.Restart();
            SyntheticPluginAssembly.ManualRegistry(other)()[taskType]();
            var manual = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {created:F3} ms (entry point and registry {entry:F3}, routes {routes - entry:F3}, plugin type and static initialiser {initialiser - routes:F3}, descriptor {described - initialiser:F3}, instance {created - described:F3}); dictionary {manual:F3} ms; ratio {created / manual:F2}"));
        }

        // The runtime delivers its events to a listener with a delay.
        Thread.Sleep(TimeSpan.FromSeconds(3));
        Console.WriteLine("methods of the plugin assembly the JIT compiled in each round (both paths), with their tier:");
        foreach (var method in jit.Methods().Where(m => m.Contains("Synthetic", StringComparison.Ordinal)).Distinct())
        {
            Console.WriteLine("  " + method);
        }

        return 0;
    }

    /// <summary>The runtime's method-load events: which method was compiled, and at which tier.</summary>
    private sealed class JitEvents : EventListener
    {
        private static readonly string[] Tiers = ["Unknown", "MinOptJitted", "Optimized", "QuickJitted", "OptimizedTier1", "ReadyToRun", "PreJIT", "Instrumented"];
        private readonly List<string> _methods = [];

        public List<string> Methods()
        {
            lock (_methods)
            {
                return [.. _methods];
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x10); // JIT
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) != true || e.Payload is null)
            {
                return;
            }

            var names = e.PayloadNames!;
            var flags = Convert.ToInt32(e.Payload[names.IndexOf("MethodFlags")], CultureInfo.InvariantCulture);
            var line = $"{Tiers[(flags >> 7) & 7],-12} {e.Payload[names.IndexOf("MethodNamespace")]}::{e.Payload[names.IndexOf("MethodName")]}";
            lock (_methods)
            {
                _methods.Add(line);
            }
        }
    }
}
