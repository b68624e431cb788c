using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// [TaskInfoSource]: the generated Status passes the TaskInfo the resource holds with every phase it returns, the very
/// instance (Status builds nothing), whether the state is mapped, falls to [DefaultPhase], fails, or is unmapped.
/// </summary>
public sealed class TaskInfoSourceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("QUEUED", TaskPhase.Queued, null)]
    [InlineData("RUNNING", TaskPhase.Running, null)]
    [InlineData("SUCCEEDED", TaskPhase.Success, null)]
    [InlineData("SOMETHING_NEW", TaskPhase.Running, null)] // [DefaultPhase]
    [InlineData(null, TaskPhase.Running, null)] // [DefaultPhase], for a state without text
    [InlineData("LOST", TaskPhase.Undefined, null)]
    [InlineData("FAILED", TaskPhase.PermanentFailure, "JobFailed")]
    [InlineData("PREEMPTED", TaskPhase.RetryableFailure, "PREEMPTED")]
    public void Every_string_state_phase_carries_the_resources_task_info(string? state, TaskPhase phase, string? code)
    {
        var loaded = LoadedPlugins.Load(PluginSources.TaskInfoSource);
        var info = ConsoleInfo("https://console.example/jobs/7");

        var status = Status(loaded, "console_job", loaded.New("Contoso.Consoles.ConsoleJobId", "7"), loaded.New("Contoso.Consoles.ConsoleJob", state, "boom", info));

        Assert.Equal(phase, status.Phase);
        Assert.Equal(code, status.Error?.Code);
        Assert.Same(info, status.Info);
    }

    [Fact]
    public void A_failure_keeps_its_message_and_cleanup_next_to_the_task_info()
    {
        var loaded = LoadedPlugins.Load(PluginSources.TaskInfoSource);
        var info = ConsoleInfo("https://console.example/jobs/7");

        var status = Status(loaded, "console_job", loaded.New("Contoso.Consoles.ConsoleJobId", "7"), loaded.New("Contoso.Consoles.ConsoleJob", "PREEMPTED", "node lost", info));

        Assert.Equal(new ExecutionError("PREEMPTED", "node lost", ExecutionErrorKind.System), status.Error);
        Assert.True(status.CleanupOnFailure);
        Assert.Same(info, status.Info);
    }

    [Fact]
    public void A_null_task_info_means_no_details()
    {
        var loaded = LoadedPlugins.Load(PluginSources.TaskInfoSource);

        var status = Status(loaded, "console_job", loaded.New("Contoso.Consoles.ConsoleJobId", "7"), loaded.New("Contoso.Consoles.ConsoleJob", "RUNNING", null, null));

        Assert.Equal(TaskPhase.Running, status.Phase);
        Assert.Null(status.Info);
    }

    [Fact]
    public async Task The_log_link_built_in_get_reaches_the_phase()
    {
        var loaded = LoadedPlugins.Load(PluginSources.TaskInfoSource);
        var plugin = loaded.Plugin<IAsyncPlugin>("console_job");
        var task = LoadedPlugins.Task("console_job");
        var created = await plugin.CreateAsync(task, None);

        var status = plugin.Status(task, created.Meta, await plugin.GetAsync(created.Meta, None));

        Assert.Equal(TaskPhase.Running, status.Phase);
        var log = Assert.Single(status.Info!.Logs);
        Assert.Equal(new TaskLog("Console", "https://console.example/jobs/" + task.UniqueName), log);
    }

    [Theory]
    [InlineData("Up", TaskPhase.Running)]
    [InlineData("Done", TaskPhase.Success)]
    [InlineData("Lost", TaskPhase.PermanentFailure)] // no [DefaultPhase]: the unmapped-state system failure
    public void Every_enum_state_phase_carries_the_task_info_of_a_field(string state, TaskPhase phase)
    {
        var loaded = LoadedPlugins.Load(PluginSources.TaskInfoSource);
        var info = ConsoleInfo("https://clusters.example/c-1");

        var status = Status(loaded, "cluster_job", loaded.New("Contoso.Consoles.ClusterRef", "c-1"), loaded.New("Contoso.Consoles.ClusterJob", loaded.Enum("Contoso.Consoles.ClusterState", state), info));

        Assert.Equal(phase, status.Phase);
        Assert.Same(info, status.Info);
        if (phase == TaskPhase.PermanentFailure)
        {
            Assert.Equal("UnmappedState", status.Error?.Code);
        }
    }

    private static TaskInfo ConsoleInfo(string url) => new() { Logs = [new TaskLog("Console", url)] };

    private static PhaseInfo Status(LoadedPlugins loaded, string taskType, object meta, object resource) =>
        loaded.Plugin<IAsyncPlugin>(taskType).Status(LoadedPlugins.Task(taskType), meta, resource);
}
