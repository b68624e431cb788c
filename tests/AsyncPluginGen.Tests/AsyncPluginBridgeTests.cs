namespace AsyncPluginGen.Tests;

/// <summary>The object-typed <see cref="IAsyncPlugin"/> members implemented once by <see cref="IAsyncPlugin{TMeta, TResource}"/>.</summary>
public sealed class AsyncPluginBridgeTests
{
    private static readonly TaskContext Task0 = new(RecordingPlugin.TaskType, new TaskExecutionId("p", "d", "e", "n0", 1));

    private sealed record WrongMeta(string Id);

    private sealed record WrongResource(string State);

    [Fact]
    public async Task CreateAsync_WithoutResource_ReachesTypedCreate()
    {
        var plugin = new RecordingPlugin();
        IAsyncPlugin erased = plugin;
        using var cts = new CancellationTokenSource();

        var created = await erased.CreateAsync(Task0, cts.Token);

        Assert.Equal(["CreateAsync"], plugin.Calls);
        Assert.Same(Task0, plugin.LastTask);
        Assert.Equal(cts.Token, plugin.LastToken);
        Assert.Equal(new JobMeta("job-p-d-e-n0-1"), Assert.IsType<JobMeta>(created.Meta));
        Assert.False(created.HasResource);
        Assert.Null(created.Resource);
    }

    [Fact]
    public async Task CreateAsync_WithResource_KeepsIt()
    {
        var resource = new JobResource("DONE");
        var plugin = new RecordingPlugin { ResourceOnCreate = resource };
        IAsyncPlugin erased = plugin;

        var created = await erased.CreateAsync(Task0, CancellationToken.None);

        Assert.True(created.HasResource);
        Assert.Same(resource, created.Resource);
        Assert.Equal(new JobMeta("job-p-d-e-n0-1"), created.Meta);
    }

    [Fact]
    public async Task GetAsync_ReachesTypedGet_WithMetaInContext()
    {
        var plugin = new RecordingPlugin();
        IAsyncPlugin erased = plugin;
        var meta = new JobMeta("j1");
        using var cts = new CancellationTokenSource();

        var resource = await erased.GetAsync(meta, cts.Token);

        Assert.Equal(["GetAsync"], plugin.Calls);
        Assert.Same(meta, plugin.LastGet!.Value.ResourceMeta);
        Assert.Equal(cts.Token, plugin.LastToken);
        Assert.Equal(new JobResource("RUNNING:j1"), Assert.IsType<JobResource>(resource));
    }

    [Fact]
    public async Task DeleteAsync_ReachesTypedDelete_WithMetaAndReason()
    {
        var plugin = new RecordingPlugin();
        IAsyncPlugin erased = plugin;
        var meta = new JobMeta("j2");
        using var cts = new CancellationTokenSource();

        await erased.DeleteAsync(meta, DeleteReason.Aborted, cts.Token);

        Assert.Equal(["DeleteAsync"], plugin.Calls);
        Assert.Same(meta, plugin.LastDelete!.Value.ResourceMeta);
        Assert.Equal(DeleteReason.Aborted, plugin.LastDelete.Value.Reason);
        Assert.Equal("Aborted", plugin.LastDelete.Value.Reason.Value);
        Assert.Equal(cts.Token, plugin.LastToken);
    }

    [Theory]
    [InlineData("DONE", TaskPhase.Success)]
    [InlineData("FAILED", TaskPhase.PermanentFailure)]
    [InlineData("PENDING", TaskPhase.Running)]
    public void Status_ReachesTypedStatus_WithTaskMetaAndResource(string state, TaskPhase expected)
    {
        var plugin = new RecordingPlugin();
        IAsyncPlugin erased = plugin;
        var meta = new JobMeta("j3");
        var resource = new JobResource(state, "boom");

        var phase = erased.Status(Task0, meta, resource);

        Assert.Equal(expected, phase.Phase);
        Assert.Equal(["Status"], plugin.Calls);
        var context = plugin.LastStatus!.Value;
        Assert.Same(Task0, context.Task);
        Assert.Same(meta, context.ResourceMeta);
        Assert.Same(resource, context.Resource);
    }

    [Fact]
    public void Status_FailureMessage_TravelsThroughTheBridge()
    {
        IAsyncPlugin erased = new RecordingPlugin();

        var phase = erased.Status(Task0, new JobMeta("j"), new JobResource("FAILED", "quota exceeded"));

        Assert.Equal(new ExecutionError("JobFailed", "quota exceeded", ExecutionErrorKind.User), phase.Error);
    }

    private sealed class TypeCapturingVisitor : IAsyncPluginVisitor<(Type Meta, Type Resource, object Plugin)>
    {
        public (Type Meta, Type Resource, object Plugin) Visit<TMeta, TResource>(IAsyncPlugin<TMeta, TResource> plugin)
            where TMeta : notnull
            where TResource : notnull =>
            (typeof(TMeta), typeof(TResource), plugin);
    }

    private sealed class TypedCallVisitor(TaskContext task) : IAsyncPluginVisitor<PhaseInfo>
    {
        public PhaseInfo Visit<TMeta, TResource>(IAsyncPlugin<TMeta, TResource> plugin)
            where TMeta : notnull
            where TResource : notnull
        {
            // A typed runner: no object-typed member is used on this path.
            var typed = Assert.IsAssignableFrom<IAsyncPlugin<JobMeta, JobResource>>(plugin);
            return typed.Status(new StatusContext<JobMeta, JobResource>(task, new JobMeta("v"), new JobResource("DONE")));
        }
    }

    [Fact]
    public void Accept_PassesTheTypedPluginToTheVisitor()
    {
        var plugin = new RecordingPlugin();
        IAsyncPlugin erased = plugin;

        var (meta, resource, visited) = erased.Accept(new TypeCapturingVisitor());

        Assert.Equal(typeof(JobMeta), meta);
        Assert.Equal(typeof(JobResource), resource);
        Assert.Same(plugin, visited);
    }

    [Fact]
    public void Accept_VisitorCanCallTypedMembers()
    {
        var plugin = new RecordingPlugin();

        var phase = ((IAsyncPlugin)plugin).Accept(new TypedCallVisitor(Task0));

        Assert.Equal(TaskPhase.Success, phase.Phase);
        Assert.Equal(["Status"], plugin.Calls);
        Assert.Equal(new JobMeta("v"), plugin.LastStatus!.Value.ResourceMeta);
    }

    [Fact]
    public void DirectMembers_AreReachableThroughTheErasedInterface()
    {
        IAsyncPlugin erased = new RecordingPlugin();

        Assert.Equal(RecordingPlugin.Id, erased.Descriptor.Id);
        Assert.Same(erased.Descriptor.Config, erased.GetConfig());
        Assert.Equal(new ResourceRequirements("warehouse", new ResourceConstraintsSpec(10, 5)), erased.GetResourceRequirements(Task0));
    }

    private static void AssertNamesPluginAndType(ArgumentException ex, string paramName, Type expected, string got)
    {
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains($"'{RecordingPlugin.Id}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected.FullName!, ex.Message, StringComparison.Ordinal);
        Assert.Contains(got, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_WrongMetaType_Throws()
    {
        var plugin = new RecordingPlugin();
        IAsyncPlugin erased = plugin;

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await erased.GetAsync(new WrongMeta("x"), CancellationToken.None));

        AssertNamesPluginAndType(ex, "resourceMeta", typeof(JobMeta), typeof(WrongMeta).FullName!);
        Assert.Empty(plugin.Calls);
    }

    [Fact]
    public async Task DeleteAsync_WrongMetaType_Throws()
    {
        var plugin = new RecordingPlugin();
        IAsyncPlugin erased = plugin;

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await erased.DeleteAsync("a string", DeleteReason.Aborted, CancellationToken.None));

        AssertNamesPluginAndType(ex, "resourceMeta", typeof(JobMeta), "System.String");
        Assert.Empty(plugin.Calls);
    }

    [Fact]
    public async Task NullMeta_Throws_SayingNull()
    {
        IAsyncPlugin erased = new RecordingPlugin();

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await erased.GetAsync(null!, CancellationToken.None));

        AssertNamesPluginAndType(ex, "resourceMeta", typeof(JobMeta), "but got null");
    }

    [Fact]
    public void Status_WrongResourceType_Throws()
    {
        var plugin = new RecordingPlugin();
        IAsyncPlugin erased = plugin;

        var ex = Assert.Throws<ArgumentException>(() => erased.Status(Task0, new JobMeta("j"), new WrongResource("DONE")));

        AssertNamesPluginAndType(ex, "resource", typeof(JobResource), typeof(WrongResource).FullName!);
        Assert.Empty(plugin.Calls);
    }

    [Fact]
    public void Status_WrongMetaType_Throws()
    {
        var plugin = new RecordingPlugin();
        IAsyncPlugin erased = plugin;

        var ex = Assert.Throws<ArgumentException>(() => erased.Status(Task0, new WrongMeta("j"), new JobResource("DONE")));

        AssertNamesPluginAndType(ex, "resourceMeta", typeof(JobMeta), typeof(WrongMeta).FullName!);
        Assert.Empty(plugin.Calls);
    }

    [Fact]
    public void Status_NullResource_Throws_SayingNull()
    {
        IAsyncPlugin erased = new RecordingPlugin();

        var ex = Assert.Throws<ArgumentException>(() => erased.Status(Task0, new JobMeta("j"), null!));

        AssertNamesPluginAndType(ex, "resource", typeof(JobResource), "but got null");
    }

    [Fact]
    public void ErrorMessages_UseTheDescriptorId()
    {
        IAsyncPlugin erased = new RecordingPlugin(RecordingPlugin.CreateDescriptor(id: "CustomId"));

        var ex = Assert.Throws<ArgumentException>(() => erased.Status(Task0, 42, new JobResource("DONE")));

        Assert.Contains("'CustomId'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("System.Int32", ex.Message, StringComparison.Ordinal);
    }
}
