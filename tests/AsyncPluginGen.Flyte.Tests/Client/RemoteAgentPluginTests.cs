using System.Text.Json;
using AsyncPluginGen.Flyte.Client;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using AsyncPluginGen.Flyte.Tests.Plugins;
using AsyncPluginGen.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Flyte.Tests.Client;

/// <summary>The embedded host driving our own agent through <see cref="RemoteAgentPlugin"/>, over gRPC on 127.0.0.1.</summary>
public sealed class RemoteAgentPluginTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_task_runs_through_the_agent_to_success_and_its_outputs_reach_the_task()
    {
        await using var server = await AgentTestServer.StartAsync();
        server.Backend.InitialState = JobState.Done;
        await using var host = RemoteHost.Start(server.Address);
        var task = Task("SELECT 2");
        var handle = host.Host.Submit(task);
        var result = await handle.Completion.WaitAsync(Patience);

        Assert.Equal(TaskPhase.Success, result.Phase.Phase);
        var job = server.Backend.Single();
        Assert.Equal("SELECT 2", job.Query);
        Assert.Equal("job-" + task.UniqueName, job.Id);
        var outputs = ((InMemoryTaskOutputWriter)task.Outputs).Outputs!.Value;
        Assert.Equal(job.Id, outputs.GetProperty("job_id").GetString());
        Assert.Equal(42, outputs.GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task A_sync_category_runs_with_ExecuteTaskSync_inside_Create()
    {
        await using var server = await AgentTestServer.StartAsync();
        await using var host = RemoteHost.Start(server.Address);
        var task = new TaskContext("quick_check", new TaskExecutionId("p", "d", "e-sync", "n0"))
        {
            Inputs = JsonSerializer.SerializeToElement(new { name = "grace" }),
        };
        var result = await host.Host.Submit(task).Completion.WaitAsync(Patience);
        Assert.Equal(TaskPhase.Success, result.Phase.Phase);
        Assert.Equal("hello grace", ((InMemoryTaskOutputWriter)task.Outputs).Outputs!.Value.GetProperty("greeting").GetString());
    }

    [Fact]
    public async Task A_failed_job_keeps_the_agents_error_code_on_the_Get_path()
    {
        await using var server = await AgentTestServer.StartAsync();
        server.Backend.InitialState = JobState.Failed;
        await using var host = RemoteHost.Start(server.Address);
        var result = await host.Host.Submit(Task()).Completion.WaitAsync(Patience);
        Assert.Equal(TaskPhase.PermanentFailure, result.Phase.Phase);
        Assert.Equal("JobFailed", result.Phase.Error!.Value.Code);
    }

    [Fact]
    public async Task Abort_deletes_the_remote_job_through_the_agent()
    {
        await using var server = await AgentTestServer.StartAsync();
        server.Backend.InitialState = JobState.Running;
        await using var host = RemoteHost.Start(server.Address);
        var handle = host.Host.Submit(Task());
        await foreach (var change in handle.WatchAsync().WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            if (change.Phase.Phase == TaskPhase.Running)
            {
                break;
            }
        }

        Assert.True(handle.Abort());
        var result = await handle.Completion.WaitAsync(Patience);
        Assert.Equal(TaskPhase.Aborted, result.Phase.Phase);
        Assert.True(server.Backend.Single().Cancelled);
    }

    [Fact]
    public async Task A_category_the_agent_does_not_serve_fails_Create_naming_what_it_serves()
    {
        await using var server = await AgentTestServer.StartAsync();
        await using var host = RemoteHost.Start(server.Address, new RemoteTaskCategory { TaskType = "echo_job", Version = 9 });
        var result = await host.Host.Submit(new TaskContext("echo_job", new TaskExecutionId("p", "d", "e", "n"))).Completion.WaitAsync(Patience);
        Assert.Equal(TaskPhase.RetryableFailure, result.Phase.Phase);
        Assert.Equal(HostReasons.TaskFailedWithError, result.Phase.Error!.Value.Code);
        Assert.Contains("does not serve task category 'echo_job v9'", result.Phase.Error!.Value.Message);
        Assert.Contains("echo_job v1", result.Phase.Error!.Value.Message);
        Assert.Empty(server.Backend.Jobs);
    }

    [Fact]
    public async Task An_unreachable_agent_is_a_transient_failure()
    {
        var registry = new RemoteAgentRegistry(new RemoteAgentOptions
        {
            Endpoint = new Uri("http://127.0.0.1:1"),
            TaskCategories = [new RemoteTaskCategory { TaskType = "echo_job", Version = 1 }],
            DefaultTimeout = TimeSpan.FromSeconds(2),
        });
        await using var _ = registry;
        var plugin = (IAsyncPlugin)registry.Descriptors[0].CreatePlugin(new ServiceCollection().BuildServiceProvider());
        var error = await Assert.ThrowsAsync<RemoteAgentCallException>(() => plugin.CreateAsync(Task(), CancellationToken.None).AsTask());
        Assert.True(TransientErrors.IsTransient(error, CancellationToken.None));
        Assert.Contains("127.0.0.1:1", error.Message);
    }

    [Fact]
    public void Options_name_what_is_missing()
    {
        Assert.Contains("Endpoint", Assert.Throws<ArgumentException>(() => new RemoteAgentOptions().Validate()).Message);
        Assert.Contains("TaskCategories is empty", Assert.Throws<ArgumentException>(() => new RemoteAgentOptions { Endpoint = new Uri("http://agent:8000") }.Validate()).Message);
        Assert.Contains("DefaultTimeout", Assert.Throws<ArgumentException>(() => new RemoteAgentOptions
        {
            Endpoint = new Uri("http://agent:8000"),
            TaskCategories = [new RemoteTaskCategory { TaskType = "x" }],
            DefaultTimeout = TimeSpan.Zero,
        }.Validate()).Message);
    }

    private static TaskContext Task(string query = "SELECT 1") =>
        new("echo_job", new TaskExecutionId("flytesnacks", "development", "e-" + Guid.NewGuid().ToString("N")[..8], "n0"))
        {
            Inputs = JsonSerializer.SerializeToElement(new { query }),
        };
}
