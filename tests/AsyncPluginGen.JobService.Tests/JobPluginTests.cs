using System.Text.Json;
using AsyncPluginGen.Generated;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.JobService.Tests;

/// <summary>The generated plugin over the real client and service, without a host.</summary>
public sealed class JobPluginTests
{
    private static TaskContext Task(string node, string inputs) =>
        new(JobPlugin.TaskType, new TaskExecutionId("proj", "dev", "exec", node)) { Inputs = JsonDocument.Parse(inputs).RootElement };

    [Fact]
    public async Task Create_uses_the_unique_name_as_idempotency_key_and_returns_the_state()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock }).Bounded();
        using var http = service.CreateHttpClient();
        IAsyncPlugin<JobRef, JobStatus> plugin = new JobPlugin(new JobClient(http));
        var task = Task("n1", """{"durationMs": 500}""");

        var first = await plugin.CreateAsync(task, CancellationToken.None).AsTask().Bounded();
        var again = await plugin.CreateAsync(task, CancellationToken.None).AsTask().Bounded();

        Assert.True(first.HasResource);
        Assert.Equal(first.Meta, again.Meta);
        Assert.Equal(task.UniqueName, service.GetJob(first.Meta.Id)!.IdempotencyKey);
        Assert.Equal(TaskPhase.Running, plugin.Status(new StatusContext<JobRef, JobStatus>(task, first.Meta, first.Resource!)).Phase);
        Assert.Equal(1, service.GetStats().JobsCreated);
    }

    [Fact]
    public async Task Status_maps_every_state()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock, PendingDuration = TimeSpan.FromSeconds(1) }).Bounded();
        using var http = service.CreateHttpClient();
        IAsyncPlugin<JobRef, JobStatus> plugin = new JobPlugin(new JobClient(http));
        var ok = Task("ok", """{"durationMs": 1000, "output": 42}""");
        var bad = Task("bad", """{"durationMs": 1000, "fail": true, "error": "boom"}""");
        var gone = Task("gone", """{"durationMs": 1000}""");
        var okMeta = (await plugin.CreateAsync(ok, default).AsTask().Bounded()).Meta;
        var badMeta = (await plugin.CreateAsync(bad, default).AsTask().Bounded()).Meta;
        var goneMeta = (await plugin.CreateAsync(gone, default).AsTask().Bounded()).Meta;

        async Task<PhaseInfo> StatusAsync(TaskContext t, JobRef meta) =>
            plugin.Status(new StatusContext<JobRef, JobStatus>(t, meta, await plugin.GetAsync(new GetContext<JobRef>(meta), default).AsTask().Bounded()));

        Assert.Equal(TaskPhase.Queued, (await StatusAsync(ok, okMeta)).Phase);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TaskPhase.Running, (await StatusAsync(ok, okMeta)).Phase);
        await plugin.DeleteAsync(new DeleteContext<JobRef>(goneMeta, DeleteReason.Aborted), default).AsTask().Bounded();
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TaskPhase.Success, (await StatusAsync(ok, okMeta)).Phase);
        var failure = await StatusAsync(bad, badMeta);
        Assert.Equal(TaskPhase.PermanentFailure, failure.Phase);
        Assert.Equal("JobFailed", failure.Error!.Value.Code);
        Assert.Equal("boom", failure.Error!.Value.Message);
        Assert.Equal(TaskPhase.Aborted, (await StatusAsync(gone, goneMeta)).Phase);
        Assert.Equal(TaskPhase.Running, plugin.Status(new StatusContext<JobRef, JobStatus>(ok, okMeta, new JobStatus("x", "SOMETHING_NEW"))).Phase);
    }

    [Fact]
    public async Task Delete_succeeds_for_unknown_and_ended_jobs()
    {
        var clock = TestClock.Create();
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = clock }).Bounded();
        using var http = service.CreateHttpClient();
        IAsyncPlugin<JobRef, JobStatus> plugin = new JobPlugin(new JobClient(http));
        var meta = (await plugin.CreateAsync(Task("n", """{"durationMs": 10}"""), default).AsTask().Bounded()).Meta;
        clock.Advance(TimeSpan.FromSeconds(1));

        await plugin.DeleteAsync(new DeleteContext<JobRef>(meta, DeleteReason.Aborted), default).AsTask().Bounded();
        await plugin.DeleteAsync(new DeleteContext<JobRef>(new JobRef("job-unknown"), DeleteReason.Aborted), default).AsTask().Bounded();

        Assert.Equal(JobStates.Done, service.GetJob(meta.Id)!.State);
    }

    [Fact]
    public async Task Transient_failures_surface_as_http_request_exceptions_with_the_status_code()
    {
        await using var service = await JobService.StartAsync(new JobServiceOptions { Time = TestClock.Create(), TooManyRequestsProbability = 1 }).Bounded();
        using var http = service.CreateHttpClient();
        IAsyncPlugin<JobRef, JobStatus> plugin = new JobPlugin(new JobClient(http));

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => plugin.CreateAsync(Task("n", "{}"), default).AsTask()).Bounded();

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.StatusCode);
    }

    [Fact]
    public void Generated_registry_resolves_the_plugin_by_task_type()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1/") };
        using var provider = new ServiceCollection()
            .AddSingleton(new JobClient(http))
            .AddAsyncPluginGenJobServicePlugins()
            .BuildServiceProvider();

        var catalog = provider.GetRequiredService<PluginCatalog>();
        var descriptor = catalog.GetDescriptor(JobPlugin.TaskType);

        Assert.Equal("JobPlugin", descriptor.Id);
        Assert.Equal(typeof(JobRef), descriptor.ResourceMetaType);
        Assert.Equal(100, descriptor.Config.ResourceQuotas[new ResourceNamespace(JobPlugin.QuotaNamespace)]);
        Assert.IsType<JobPlugin>(provider.GetRequiredService(descriptor.PluginType));
        Assert.Same(AsyncPluginGenJobServicePluginRegistry.Instance.Descriptors.Single(), descriptor);
    }
}
