using System.Collections.Concurrent;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// The host's plugin runners, one per plugin, created at the plugin's first task: ticked by the host's clock, stopped
/// and disposed with the host.
/// </summary>
internal sealed class RunnerSet(IServiceProvider services, IReadOnlyDictionary<string, PluginConfig> configs, HostContext host)
{
    private readonly ConcurrentDictionary<string, Lazy<PluginRunner>> _runners = new(StringComparer.Ordinal);
    private int _ticking;

    /// <summary>The plugin's runner, created now if this is its first task.</summary>
    public PluginRunner Get(PluginDescriptor descriptor)
    {
        // Looked up first: every Submit comes here, and GetOrAdd's factory closure was made on each call.
        if (!_runners.TryGetValue(descriptor.Id, out var lazy))
        {
            lazy = _runners.GetOrAdd(descriptor.Id, static (_, arg) => new Lazy<PluginRunner>(() => arg.Self.Create(arg.Descriptor)), (Self: this, Descriptor: descriptor));
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            // A plugin that could not be created (a missing dependency, say) is tried again with the next task.
            _runners.TryRemove(new KeyValuePair<string, Lazy<PluginRunner>>(descriptor.Id, lazy));
            throw;
        }
    }

    /// <summary>The runner of a plugin that has one.</summary>
    public bool TryGet(string pluginId, out PluginRunner? runner)
    {
        runner = _runners.TryGetValue(pluginId, out var lazy) && lazy.IsValueCreated ? lazy.Value : null;
        return runner is not null;
    }

    /// <summary>The host's clock ticked.</summary>
    public void Tick(DateTimeOffset now)
    {
        // A system timer may fire again while a slow tick runs; one tick at a time keeps the buckets consistent.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var runner in Created())
            {
                runner.Tick(now);
            }
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    /// <summary>Stops every runner; completes when their workers have returned.</summary>
    public Task StopAsync() => Task.WhenAll(Created().Select(r => r.StopAsync()));

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in Created())
        {
            await runner.DisposeAsync().ConfigureAwait(false);
        }
    }

    private IEnumerable<PluginRunner> Created() => _runners.Values.Where(r => r.IsValueCreated).Select(r => r.Value);

    private PluginRunner Create(PluginDescriptor descriptor)
    {
        var plugin = services.GetService(descriptor.PluginType) as IPlugin ?? descriptor.CreatePlugin(services);
        var config = configs[descriptor.Id];
        return plugin switch
        {
            IAsyncPlugin asyncPlugin => asyncPlugin.Accept(new RunnerFactory(config, host)),
            ISyncPlugin syncPlugin => new SyncPluginRunner(syncPlugin, config, host),
            _ => throw new InvalidOperationException($"Plugin '{descriptor.Id}' ({descriptor.PluginType.FullName}) implements neither IAsyncPlugin nor ISyncPlugin."),
        };
    }
}
