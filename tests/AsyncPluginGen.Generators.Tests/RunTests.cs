using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// Compiles plugins with the generator, loads them, resolves them through the generated registry and DI, and drives
/// Create/Get/Delete/Status through the generated contract against test doubles of the remote services.
/// </summary>
public sealed class RunTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Enum_state_plugin_runs_create_get_status_delete_against_its_client()
    {
        var loaded = LoadedPlugins.Load(PluginSources.EnumStates);
        var plugin = loaded.Plugin<IAsyncPlugin>("warehouse_query");
        var client = loaded.Dependency("Contoso.Warehouse.WarehouseClient");
        var task = LoadedPlugins.Task("warehouse_query");

        var created = await plugin.CreateAsync(task, None);
        Assert.False(created.HasResource);
        Assert.Equal($"QueryMeta {{ JobId = q-{task.UniqueName} }}", created.Meta.ToString());
        Assert.Equal(1, Field(client, "Creates"));

        client.GetType().GetField("Next")!.SetValue(client, loaded.New("Contoso.Warehouse.QueryJob", "ignored", loaded.Enum("Contoso.Warehouse.QueryState", "Running"), null));
        var resource = await plugin.GetAsync(created.Meta, None);
        Assert.Contains($"Id = q-{task.UniqueName}", resource.ToString(), StringComparison.Ordinal);

        var running = plugin.Status(task, created.Meta, resource);
        Assert.Equal(TaskPhase.Running, running.Phase);
        Assert.Equal("query running", running.Reason);

        await plugin.DeleteAsync(created.Meta, DeleteReason.Aborted, None);
        Assert.Equal(1, Field(client, "Deletes"));
    }

    [Theory]
    [InlineData("Pending", null, TaskPhase.Queued, "Pending", null)]
    [InlineData("Running", null, TaskPhase.Running, "query running", null)]
    [InlineData("Done", "ignored for success", TaskPhase.Success, "Done", null)]
    [InlineData("Failed", "division by zero", TaskPhase.PermanentFailure, "division by zero", "QueryFailed")]
    [InlineData("Failed", null, TaskPhase.PermanentFailure, "Failed", "QueryFailed")]
    public void Enum_state_maps_through_Phase_attributes(string state, string? error, TaskPhase phase, string reason, string? code)
    {
        var loaded = LoadedPlugins.Load(PluginSources.EnumStates);
        var info = Status(loaded, "warehouse_query", loaded.New("Contoso.Warehouse.QueryMeta", "q"),
            loaded.New("Contoso.Warehouse.QueryJob", "q", loaded.Enum("Contoso.Warehouse.QueryState", state), error));

        Assert.Equal(phase, info.Phase);
        Assert.Equal(reason, info.Reason);
        Assert.Equal(code, info.Error?.Code);
        if (code is not null)
        {
            Assert.Equal(ExecutionErrorKind.User, info.Error!.Value.Kind);
            Assert.Equal(reason, info.Error.Value.Message);
            Assert.False(info.CleanupOnFailure);
        }
    }

    [Fact]
    public void Unmapped_enum_member_is_a_system_failure_that_names_plugin_state_and_fix()
    {
        var loaded = LoadedPlugins.Load(PluginSources.EnumStates);
        var info = Status(loaded, "warehouse_query", loaded.New("Contoso.Warehouse.QueryMeta", "q"),
            loaded.New("Contoso.Warehouse.QueryJob", "q", loaded.Enum("Contoso.Warehouse.QueryState", "Unknown"), null));

        Assert.Equal(TaskPhase.PermanentFailure, info.Phase);
        Assert.Equal(ExecutionErrorKind.System, info.Error!.Value.Kind);
        Assert.Equal("UnmappedState", info.Error.Value.Code);
        Assert.Contains("'WarehousePlugin'", info.Error.Value.Message, StringComparison.Ordinal);
        Assert.Contains("'Unknown'", info.Error.Value.Message, StringComparison.Ordinal);
        Assert.Contains("[DefaultPhase]", info.Error.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_configuration_and_quota_reach_the_descriptor()
    {
        var loaded = LoadedPlugins.Load(PluginSources.EnumStates);
        var plugin = loaded.Plugin<IAsyncPlugin>("warehouse_query");
        var config = plugin.GetConfig();

        Assert.Equal(2, plugin.Descriptor.Version);
        Assert.Equal(new RateLimiterConfig { Qps = 30, Burst = 300 }, config.ReadRateLimiter);
        Assert.Equal(new RateLimiterConfig { Qps = 20.5, Burst = 200 }, config.WriteRateLimiter);
        Assert.Equal(new CachingConfig { Size = 50_000, ResyncInterval = TimeSpan.FromSeconds(15), Workers = 4, MaxSystemFailures = 3 }, config.Caching);
        Assert.Equal(500, config.ResourceQuotas[new ResourceNamespace("warehouse")]);
        config.Validate(plugin.Descriptor.Id);
        Assert.Equal(
            new ResourceRequirements(new ResourceNamespace("warehouse"), new ResourceConstraintsSpec(100, null)),
            plugin.GetResourceRequirements(LoadedPlugins.Task("warehouse_query")));
        Assert.Same(plugin.Descriptor, loaded.Catalog.GetDescriptor("warehouse_query"));
    }

    [Theory]
    [InlineData("PENDING", TaskPhase.Queued, "PENDING")]
    [InlineData("RUNNING", TaskPhase.Running, "RUNNING")]
    [InlineData("DONE", TaskPhase.Success, "DONE")]
    [InlineData("running", TaskPhase.Running, "running")] // exact comparison: lower case is unmapped, so [DefaultPhase] applies
    [InlineData("SOMETHING_NEW", TaskPhase.Running, "SOMETHING_NEW")]
    [InlineData(null, TaskPhase.Running, "UnmappedState")]
    public void String_states_map_through_PhaseMapping_with_DefaultPhase_fallback(string? state, TaskPhase phase, string reason)
    {
        var loaded = LoadedPlugins.Load(PluginSources.StringStates);
        var resource = loaded.New("Contoso.Jobs.JobStatus");
        resource.GetType().GetProperty("State")!.SetValue(resource, state);

        var info = Status(loaded, "bq_job", loaded.New("Contoso.Jobs.JobRef", "j"), resource);

        Assert.Equal(phase, info.Phase);
        Assert.Equal(reason, info.Reason);
        Assert.Null(info.Error);
    }

    [Fact]
    public void String_failure_uses_kind_cleanup_code_and_the_resource_message()
    {
        var loaded = LoadedPlugins.Load(PluginSources.StringStates);
        var resource = loaded.New("Contoso.Jobs.JobStatus");
        resource.GetType().GetProperty("State")!.SetValue(resource, "FAILED");
        resource.GetType().GetProperty("ErrorResult")!.SetValue(resource, "quota exceeded");

        var info = Status(loaded, "bq_job_v2", loaded.New("Contoso.Jobs.JobRef", "j"), resource);

        Assert.Equal(TaskPhase.RetryableFailure, info.Phase);
        Assert.Equal(new ExecutionError("JobFailed", "quota exceeded", ExecutionErrorKind.System), info.Error);
        Assert.True(info.CleanupOnFailure);
        Assert.Same(loaded.Catalog.GetDescriptor("bq_job"), loaded.Catalog.GetDescriptor("bq_job_v2"));
    }

    [Theory]
    [InlineData("CLOSED", TaskPhase.Success, "closed")]
    [InlineData("Open", TaskPhase.Queued, "ticket open")]
    [InlineData("in_PROGRESS", TaskPhase.Running, "in_progress")]
    [InlineData("rejected", TaskPhase.PermanentFailure, "the ticket was rejected")]
    [InlineData("archived", TaskPhase.PermanentFailure, null)]
    public async Task Ignore_case_string_states_in_the_global_namespace_with_sync_handlers(string state, TaskPhase phase, string? reason)
    {
        var loaded = LoadedPlugins.Load(PluginSources.IgnoreCaseStates);
        var plugin = loaded.Plugin<IAsyncPlugin>("ticket");
        var task = LoadedPlugins.Task("ticket");
        var created = await plugin.CreateAsync(task, None);
        Assert.Equal("Ticket { Number = 1 }", created.Meta.ToString());
        Assert.Equal("TicketState { Status = CLOSED }", (await plugin.GetAsync(created.Meta, None)).ToString());
        await plugin.DeleteAsync(created.Meta, DeleteReason.Aborted, None);

        var info = plugin.Status(task, created.Meta, loaded.New("TicketState", state));

        Assert.Equal(phase, info.Phase);
        if (reason is null)
        {
            Assert.Equal("UnmappedState", info.Error!.Value.Code);
            Assert.Contains("'archived'", info.Error.Value.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(reason, info.Reason);
        }
    }

    [Fact]
    public async Task Handwritten_status_receives_the_resource_that_create_returned()
    {
        var loaded = LoadedPlugins.Load(PluginSources.HandwrittenStatus);
        var plugin = loaded.Plugin<IAsyncPlugin>("notebook_run");
        var task = LoadedPlugins.Task("notebook_run");

        var created = await plugin.CreateAsync(task, None);
        Assert.True(created.HasResource);
        Assert.Equal(PhaseInfo.Queued("pending"), plugin.Status(task, created.Meta, created.Resource!));

        var finished = await plugin.GetAsync(created.Meta, None);
        Assert.Equal(TaskPhase.Success, plugin.Status(task, created.Meta, finished).Phase);

        var failed = loaded.New("Contoso.Runs.Run", 1L, "TERMINATED", "FAILED", "notebook raised");
        Assert.Equal(new ExecutionError("FAILED", "notebook raised"), plugin.Status(task, created.Meta, failed).Error);
    }

    [Fact]
    public async Task Meta_only_create_static_handlers_and_no_delete()
    {
        var loaded = LoadedPlugins.Load(PluginSources.MetaOnlyNoDelete);
        var plugin = loaded.Plugin<IAsyncPlugin>("lite");
        var task = LoadedPlugins.Task("lite");

        var created = await plugin.CreateAsync(task, None);
        Assert.False(created.HasResource);
        Assert.Equal($"Handle {{ Id = {task.UniqueName} }}", created.Meta.ToString());
        var resource = await plugin.GetAsync(created.Meta, None);
        Assert.Equal(TaskPhase.Success, plugin.Status(task, created.Meta, resource).Phase);
        await plugin.DeleteAsync(created.Meta, DeleteReason.Aborted, None);
    }

    [Fact]
    public async Task Sync_plugin_runs_its_do_handler_with_a_resolved_dependency()
    {
        var loaded = LoadedPlugins.Load(PluginSources.SyncPlugin);
        var plugin = loaded.Plugin<ISyncPlugin>("echo");

        var info = await plugin.DoAsync(LoadedPlugins.Task("echo"), None);

        Assert.Equal(PhaseInfo.Success("echo:echo"), info);
        Assert.Equal(PluginKind.Sync, plugin.Descriptor.Kind);
        Assert.Equal("echo-plugin", plugin.Descriptor.Id);
        Assert.Null(plugin.Descriptor.ResourceMetaType);
        Assert.Equal(new RateLimiterConfig { Qps = 5, Burst = 10 }, plugin.GetConfig().WriteRateLimiter);
    }

    [Fact]
    public void Missing_constructor_dependency_fails_with_a_message_naming_plugin_and_type()
    {
        var loaded = LoadedPlugins.Load(PluginSources.RecordWithRequirements);

        var error = Assert.Throws<InvalidOperationException>(() => loaded.Plugin<IAsyncPlugin>("training"));

        Assert.Contains("'sagemaker-training'", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("training", "cpu")]
    [InlineData("training_gpu", "gpu")]
    public void Resource_requirements_handler_is_used_when_present(string taskType, string ns)
    {
        var loaded = LoadedPlugins.Load(PluginSources.RecordWithRequirements);
        var plugin = (IAsyncPlugin)loaded.New("Contoso.Training.TrainingPlugin", "eu-west-1", null, 3);

        Assert.Equal(new ResourceRequirements(new ResourceNamespace(ns), new ResourceConstraintsSpec(null, 10)), plugin.GetResourceRequirements(LoadedPlugins.Task(taskType)));
        Assert.Equal(2, plugin.GetConfig().ResourceQuotas.Count);
    }

    [Theory]
    [InlineData("Starting", TaskPhase.Initializing, null)]
    [InlineData("Training", TaskPhase.Running, null)] // an alias of InProgress
    [InlineData("Stopping", TaskPhase.Running, null)]
    [InlineData("Stopped", TaskPhase.Aborted, null)]
    [InlineData("Failed", TaskPhase.RetryableFailure, "CapacityError")]
    public void Nullable_enum_state_with_aliases_and_system_failures(string state, TaskPhase phase, string? code)
    {
        var loaded = LoadedPlugins.Load(PluginSources.RecordWithRequirements);
        var plugin = (IAsyncPlugin)loaded.New("Contoso.Training.TrainingPlugin", "eu-west-1", null, 3);
        var resource = loaded.New("Contoso.Training.TrainingStatus", loaded.Enum("Contoso.Training.TrainingState", state), "capacity");

        var info = plugin.Status(LoadedPlugins.Task("training"), loaded.New("Contoso.Training.TrainingJob", "j"), resource);

        Assert.Equal(phase, info.Phase);
        Assert.Equal(code, info.Error?.Code);
        if (code is not null)
        {
            Assert.Equal(ExecutionErrorKind.System, info.Error!.Value.Kind);
            Assert.Equal("capacity", info.Error.Value.Message);
        }
    }

    [Fact]
    public void Null_nullable_enum_state_is_unmapped()
    {
        var loaded = LoadedPlugins.Load(PluginSources.RecordWithRequirements);
        var plugin = (IAsyncPlugin)loaded.New("Contoso.Training.TrainingPlugin", "eu-west-1", null, 3);
        var resource = loaded.New("Contoso.Training.TrainingStatus", null, null);

        var info = plugin.Status(LoadedPlugins.Task("training"), loaded.New("Contoso.Training.TrainingJob", "j"), resource);

        Assert.Equal("UnmappedState", info.Error?.Code);
    }

    [Fact]
    public async Task Plugin_split_across_files_and_two_plugins_in_one_file_both_work()
    {
        var split = LoadedPlugins.Load(PluginSources.SplitAcrossFiles);
        var splitPlugin = split.Plugin<IAsyncPlugin>("split");
        var task = LoadedPlugins.Task("split");
        var created = await splitPlugin.CreateAsync(task, None);
        Assert.Equal(TaskPhase.Success, splitPlugin.Status(task, created.Meta, await splitPlugin.GetAsync(created.Meta, None)).Phase);

        var two = LoadedPlugins.Load(PluginSources.TwoPluginsOneFile);
        Assert.Equal(["alpha", "beta"], two.Catalog.TaskTypes.Order(StringComparer.Ordinal));
        Assert.Equal(TaskPhase.Success, (await two.Plugin<ISyncPlugin>("beta").DoAsync(LoadedPlugins.Task("beta"), None)).Phase);
    }

    private static object? Field(object target, string name) => target.GetType().GetField(name)!.GetValue(target);

    private static PhaseInfo Status(LoadedPlugins loaded, string taskType, object meta, object resource) =>
        loaded.Plugin<IAsyncPlugin>(taskType).Status(LoadedPlugins.Task(taskType), meta, resource);
}
