using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using AsyncPluginGen.Hosting;
using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>A plugin that offers a batched Get is polled in batches: one remote call and one read permit per batch.</summary>
public sealed class BatchGetTests
{
    private const string TaskType = "batch_task";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Resync_polls_created_tasks_in_batches_of_the_plugins_size()
    {
        var plugin = new BatchPlugin(maxBatchSize: 3);
        await using var host = NewHost(plugin, maxSystemFailures: 5, out var time, out var launched);
        var handles = Enumerable.Range(0, 7).Select(i => host.Submit(Task(i))).ToList();
        for (var i = 0; i < 7; i++)
        {
            await launched.Reader.ReadAsync().AsTask().WaitAsync(Bound);
        }

        plugin.FinishAll();
        time.Advance(TimeSpan.FromSeconds(5.1)); // one resync

        var results = await System.Threading.Tasks.Task.WhenAll(handles.Select(h => h.Completion)).WaitAsync(Bound);
        Assert.All(results, r => Assert.Equal(TaskPhase.Success, r.Phase.Phase));
        Assert.Equal([1, 3, 3], plugin.BatchSizes.Order());
        Assert.Equal(0, plugin.SingleGets);
    }

    [Fact]
    public async Task A_failed_batch_counts_as_a_failed_get_for_every_task_in_it()
    {
        var plugin = new BatchPlugin(maxBatchSize: 10) { FailBatches = true };
        await using var host = NewHost(plugin, maxSystemFailures: 0, out var time, out var launched);
        var handles = Enumerable.Range(0, 4).Select(i => host.Submit(Task(i))).ToList();
        for (var i = 0; i < 4; i++)
        {
            await launched.Reader.ReadAsync().AsTask().WaitAsync(Bound);
        }

        time.Advance(TimeSpan.FromSeconds(5.1));

        var results = await System.Threading.Tasks.Task.WhenAll(handles.Select(h => h.Completion)).WaitAsync(Bound);
        Assert.All(results, r => Assert.Equal(HostReasons.AutoRefreshCacheFailed, r.Phase.Error?.Code));
        Assert.Equal([4], plugin.BatchSizes);
    }

    private static TaskContext Task(int i) => new(TaskType, new TaskExecutionId("proj", "dev", "exec", "n" + i));

    private static PluginHost NewHost(BatchPlugin plugin, int maxSystemFailures, out HarnessClock time, out Channel<PhaseEvent> launched)
    {
        time = new HarnessClock(new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        var config = new PluginConfig { Caching = new CachingConfig { ResyncInterval = TimeSpan.FromSeconds(5), Workers = 2, MaxSystemFailures = maxSystemFailures } };
        var descriptor = new PluginDescriptor("BatchPlugin", [TaskType], 1, PluginKind.Async, typeof(BatchPlugin), typeof(string), typeof(string), config, _ => plugin);
        plugin.Descriptor = descriptor;
        var host = new PluginHost(new PluginCatalog([new Registry(descriptor)]), new NoServices(), new PluginHostOptions { SyncOnCreate = false }, time: time);
        var events = Channel.CreateUnbounded<PhaseEvent>();
        host.PhaseChanged += e =>
        {
            if (e.Phase.Reason == HostReasons.Launched)
            {
                events.Writer.TryWrite(e);
            }
        };
        launched = events;
        return host;
    }

    private sealed class BatchPlugin(int maxBatchSize) : IAsyncPlugin<string, string>, IBatchGetPlugin<string, string>
    {
        private volatile string _state = "RUNNING";

        public PluginDescriptor Descriptor { get; set; } = null!;

        public ConcurrentQueue<int> BatchSizes { get; } = new();

        public int SingleGets;

        public bool FailBatches { get; init; }

        public int MaxBatchSize => maxBatchSize;

        public void FinishAll() => _state = "DONE";

        public PluginConfig GetConfig() => Descriptor.Config;

        public ResourceRequirements GetResourceRequirements(TaskContext task) => ResourceRequirements.Default;

        public ValueTask<Created<string, string>> CreateAsync(TaskContext task, CancellationToken cancellationToken) => new(new Created<string, string>(task.UniqueName));

        public ValueTask<string> GetAsync(GetContext<string> context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref SingleGets);
            return new(_state);
        }

        public ValueTask<IReadOnlyList<string>> GetBatchAsync(IReadOnlyList<string> metas, CancellationToken cancellationToken)
        {
            BatchSizes.Enqueue(metas.Count);
            return FailBatches
                ? ValueTask.FromException<IReadOnlyList<string>>(new HttpRequestException("batch endpoint down", null, System.Net.HttpStatusCode.BadGateway))
                : new(metas.Select(_ => _state).ToList());
        }

        public ValueTask DeleteAsync(DeleteContext<string> context, CancellationToken cancellationToken) => default;

        public PhaseInfo Status(in StatusContext<string, string> context) =>
            context.Resource == "DONE" ? PhaseInfo.Success() : PhaseInfo.Running();
    }

    private sealed class Registry(PluginDescriptor descriptor) : IPluginRegistry
    {
        public string AssemblyName => "BatchTests";

        public IReadOnlyList<PluginDescriptor> Descriptors => [descriptor];

        public bool TryGetDescriptor(string taskType, [NotNullWhen(true)] out PluginDescriptor? found)
        {
            found = taskType == TaskType ? descriptor : null;
            return found is not null;
        }
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
