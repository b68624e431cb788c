using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using AsyncPluginGen.Benchmarks.Infrastructure;

namespace AsyncPluginGen.Benchmarks.Registration;

/// <summary>
/// An assembly of <c>count</c> synthetic plugins, compiled in memory with the real generator (which emits each plugin's
/// contract and the assembly's registry), plus MEF export attributes and a hand-written dictionary registry over the same
/// plugins. Built once per size and process.
/// </summary>
internal sealed class SyntheticPluginAssembly
{
    private static readonly ConcurrentDictionary<int, SyntheticPluginAssembly> Built = new();

    private SyntheticPluginAssembly(int count, string assemblyName, byte[] image)
    {
        Count = count;
        AssemblyName = assemblyName;
        Image = image;
    }

    public int Count { get; }

    public string AssemblyName { get; }

    /// <summary>The generated registry's class, named after the assembly.</summary>
    public string RegistryTypeName => $"AsyncPluginGen.Generated.{AssemblyName}PluginRegistry";

    public byte[] Image { get; }

    public static SyntheticPluginAssembly Get(int count) => Built.GetOrAdd(count, Build);

    /// <summary>Every task type, in declaration order.</summary>
    public IEnumerable<string> TaskTypes => Enumerable.Range(0, Count).Select(SyntheticSources.TaskType);

    /// <summary>Loads the image into a new load context; the AsyncPluginGen runtime and MEF resolve from this process's.</summary>
    public (AssemblyLoadContext Context, Assembly Assembly) Load(bool collectible)
    {
        var context = new AssemblyLoadContext($"{AssemblyName}-{Guid.NewGuid():N}", collectible);
        using var stream = new MemoryStream(Image, writable: false);
        return (context, context.LoadFromStream(stream));
    }

    /// <summary>The generated registry's singleton (the one entry point an application calls statically).</summary>
    /// <remarks>Through a delegate to the property's getter, as <see cref="ManualRegistry"/> finds its builder: the same way in, not reflection's invoke.</remarks>
    public IPluginRegistry Registry(Assembly assembly) =>
        assembly.GetType(RegistryTypeName, throwOnError: true)!.GetProperty("Instance")!.GetMethod!.CreateDelegate<Func<IPluginRegistry>>()();

    /// <summary>The hand-written registry's builder.</summary>
    public static Func<Dictionary<string, Func<IPlugin>>> ManualRegistry(Assembly assembly) =>
        assembly.GetType("Synthetic.ManualRegistry", throwOnError: true)!.GetMethod("Build")!.CreateDelegate<Func<Dictionary<string, Func<IPlugin>>>>();

    /// <summary>
    /// What a reflection-based framework does at start-up to offer what the generated registry offers: scan every type
    /// for the plugin attribute, read its configuration attributes, infer the meta and resource types from the handlers,
    /// and describe each plugin, with <see cref="Activator"/> as the factory.
    /// </summary>
    public static PluginCatalog Scan(Assembly assembly)
    {
        var descriptors = new List<PluginDescriptor>();
        foreach (var type in assembly.GetTypes())
        {
            if (type.GetCustomAttribute<AsyncPluginAttribute>() is not { } plugin)
            {
                continue;
            }

            var rates = type.GetCustomAttribute<RateLimitsAttribute>();
            var caching = type.GetCustomAttribute<CachingAttribute>();
            var config = new PluginConfig
            {
                ResourceQuotas = type.GetCustomAttributes<ResourceQuotaAttribute>().ToDictionary(q => new ResourceNamespace(q.Namespace), q => q.Quota),
                ReadRateLimiter = rates is null ? RateLimiterConfig.DefaultRead : new RateLimiterConfig { Qps = rates.ReadQps, Burst = rates.ReadBurst },
                WriteRateLimiter = rates is null ? RateLimiterConfig.DefaultWrite : new RateLimiterConfig { Qps = rates.WriteQps, Burst = rates.WriteBurst },
                Caching = caching is null
                    ? CachingConfig.Default
                    : new CachingConfig { Size = caching.Size, ResyncInterval = TimeSpan.FromSeconds(caching.ResyncSeconds), Workers = caching.Workers, MaxSystemFailures = caching.MaxSystemFailures },
            };
            descriptors.Add(new PluginDescriptor(
                plugin.Id ?? type.Name,
                plugin.TaskTypes,
                plugin.Version,
                PluginKind.Async,
                type,
                HandlerResult(type, "Create"),
                HandlerResult(type, "Get"),
                config,
                _ => (IPlugin)Activator.CreateInstance(type)!));
        }

        return new PluginCatalog([new ScannedRegistry(assembly.GetName().Name!, descriptors)]);
    }

    /// <summary>The result type of a handler, unwrapped from Task or ValueTask.</summary>
    private static Type HandlerResult(Type pluginType, string handler)
    {
        var method = pluginType.GetMethod(handler + "Async") ?? pluginType.GetMethod(handler)!;
        var type = method.ReturnType;
        return type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;
    }

    private sealed class ScannedRegistry(string assemblyName, IReadOnlyList<PluginDescriptor> descriptors) : IPluginRegistry
    {
        public string AssemblyName => assemblyName;

        public IReadOnlyList<PluginDescriptor> Descriptors => descriptors;

        public bool TryGetDescriptor(string taskType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PluginDescriptor? descriptor)
        {
            descriptor = descriptors.FirstOrDefault(d => d.TaskTypes.Contains(taskType));
            return descriptor is not null;
        }
    }

    private static SyntheticPluginAssembly Build(int count)
    {
        var assemblyName = $"SyntheticPlugins{count}";
        var sources = SyntheticProject.MappedPlugins(count, mefExport: true).Append(("ManualRegistry.cs", SyntheticSources.ManualRegistry(count)));
        var compilation = SyntheticProject.Create(assemblyName, sources, SyntheticProject.RuntimeReferences);
        var output = SyntheticProject.Generate(compilation, count);
        return new SyntheticPluginAssembly(count, assemblyName, SyntheticProject.Emit(output));
    }
}

/// <summary>Plugins of the synthetic assemblies need no services.</summary>
internal sealed class NoServices : IServiceProvider
{
    public static readonly NoServices Instance = new();

    public object? GetService(Type serviceType) => null;
}
