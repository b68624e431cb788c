using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;

namespace AsyncPluginGen.Generators.Tests;

/// <summary>
/// The generated Status allocates nothing: 1,000,000 warm calls through the typed interface the host uses, with an
/// allocated-bytes delta of exactly 0. (Only the unmapped-state error path, which builds a message, may allocate.)
/// </summary>
public sealed class StatusAllocationTests
{
    private const int Calls = 1_000_000;

    [Fact]
    public void Enum_state_status_allocates_nothing()
    {
        var loaded = LoadedPlugins.Load(PluginSources.EnumStates);
        var resources = new[] { "Pending", "Running", "Done", "Failed" }
            .Select(s => loaded.New("Contoso.Warehouse.QueryJob", "q", loaded.Enum("Contoso.Warehouse.QueryState", s), s == "Failed" ? "boom" : null))
            .ToArray();

        AssertZeroAllocations(loaded.Plugin<IAsyncPlugin>("warehouse_query"), loaded.New("Contoso.Warehouse.QueryMeta", "q"), resources);
    }

    [Fact]
    public void String_state_status_allocates_nothing_including_the_default_mapping()
    {
        var loaded = LoadedPlugins.Load(PluginSources.StringStates);
        var resources = new[] { "PENDING", "RUNNING", "DONE", "FAILED", "NEW_STATE", null }.Select(s =>
        {
            var resource = loaded.New("Contoso.Jobs.JobStatus");
            resource.GetType().GetProperty("State")!.SetValue(resource, s);
            resource.GetType().GetProperty("ErrorResult")!.SetValue(resource, s == "FAILED" ? "boom" : null);
            return resource;
        }).ToArray();

        AssertZeroAllocations(loaded.Plugin<IAsyncPlugin>("bq_job"), loaded.New("Contoso.Jobs.JobRef", "j"), resources);
    }

    [Fact]
    public void Ignore_case_string_state_status_allocates_nothing()
    {
        var loaded = LoadedPlugins.Load(PluginSources.IgnoreCaseStates);
        var resources = new[] { "OPEN", "in_progress", "Closed", "REJECTED" }.Select(s => loaded.New("TicketState", s)).ToArray();

        AssertZeroAllocations(loaded.Plugin<IAsyncPlugin>("ticket"), loaded.New("Ticket", 1), resources);
    }

    [Fact]
    public void Hashed_string_state_status_allocates_nothing_including_failures()
    {
        // Fresh strings, as a deserialized response holds: the table's comparison must not rely on interned literals.
        var loaded = LoadedPlugins.Load(PluginSources.ManyStringStates);
        var resources = new[] { "SUBMITTED", "PENDING", "RUNNING", "SUCCEEDED", "FAILED", "EVICTED", "CANCELLED" }
            .Select(s => loaded.New("Contoso.Batch.BatchJob", new string(s.AsSpan()), s is "FAILED" or "EVICTED" ? "boom" : null))
            .ToArray();

        AssertZeroAllocations(loaded.Plugin<IAsyncPlugin>("batch"), loaded.New("Contoso.Batch.BatchRef", "b"), resources);
    }

    [Fact]
    public void Status_passing_the_resources_task_info_allocates_nothing()
    {
        var loaded = LoadedPlugins.Load(PluginSources.TaskInfoSource);
        // One TaskInfo per resource, built here as Get would: Status only passes the reference on.
        var resources = new[] { "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "PREEMPTED", "LOST", "SOMETHING_NEW", null }
            .Select(s => loaded.New("Contoso.Consoles.ConsoleJob", s, s == "FAILED" ? "boom" : null, new TaskInfo { Logs = [new TaskLog("Console", "https://console.example/" + s)] }))
            .ToArray();

        AssertZeroAllocations(loaded.Plugin<IAsyncPlugin>("console_job"), loaded.New("Contoso.Consoles.ConsoleJobId", "j"), resources);
    }

    [Fact]
    public void Handwritten_status_through_the_generated_forwarder_allocates_nothing()
    {
        var loaded = LoadedPlugins.Load(PluginSources.HandwrittenStatus);
        var resources = new[] { ("PENDING", (string?)null), ("RUNNING", null), ("TERMINATED", "SUCCESS"), ("TERMINATED", "FAILED") }
            .Select(s => loaded.New("Contoso.Runs.Run", 1L, s.Item1, s.Item2, "message"))
            .ToArray();

        AssertZeroAllocations(loaded.Plugin<IAsyncPlugin>("notebook_run"), loaded.New("Contoso.Runs.RunId", 1L), resources);
    }

    [Fact]
    public void Nullable_enum_state_with_aliases_allocates_nothing()
    {
        var loaded = LoadedPlugins.Load(PluginSources.RecordWithRequirements);
        var plugin = (IAsyncPlugin)loaded.New("Contoso.Training.TrainingPlugin", "eu-west-1", null, 3);
        var resources = new[] { "Starting", "InProgress", "Training", "Completed", "Failed", "Stopping", "Stopped" }
            .Select(s => loaded.New("Contoso.Training.TrainingStatus", loaded.Enum("Contoso.Training.TrainingState", s), "reason"))
            .ToArray();

        AssertZeroAllocations(plugin, loaded.New("Contoso.Training.TrainingJob", "j"), resources);
    }

    [Fact]
    public void The_probe_detects_allocations_on_the_unmapped_error_path()
    {
        var loaded = LoadedPlugins.Load(PluginSources.EnumStates);
        var resources = new[] { loaded.New("Contoso.Warehouse.QueryJob", "q", loaded.Enum("Contoso.Warehouse.QueryState", "Unknown"), null) };

        var (allocated, _) = loaded.Plugin<IAsyncPlugin>("warehouse_query").Accept(new StatusProbe(loaded.New("Contoso.Warehouse.QueryMeta", "q"), resources));

        Assert.True(allocated > Calls, $"the unmapped path builds a message per call, yet the probe saw {allocated} bytes");
    }

    private static void AssertZeroAllocations(IAsyncPlugin plugin, object meta, object[] resources)
    {
        var (allocated, phases) = plugin.Accept(new StatusProbe(meta, resources));

        Assert.Equal(0, allocated);
        Assert.Equal(Calls, phases.Values.Sum());
        Assert.True(phases.Count > 1, "every resource mapped to the same phase; the probe is not exercising the dispatch");
    }

    /// <summary>Calls the typed Status the way the host does: no casts or boxing inside the measured loop.</summary>
    private sealed class StatusProbe(object meta, object[] resources) : IAsyncPluginVisitor<(long Allocated, Dictionary<TaskPhase, int> Phases)>
    {
        public (long Allocated, Dictionary<TaskPhase, int> Phases) Visit<TMeta, TResource>(IAsyncPlugin<TMeta, TResource> plugin)
            where TMeta : notnull
            where TResource : notnull
        {
            var task = LoadedPlugins.Task("probe");
            var contexts = resources.Select(r => new StatusContext<TMeta, TResource>(task, (TMeta)meta, (TResource)r)).ToArray();
            var counts = new int[16];
            for (var i = 0; i < 10_000; i++)
            {
                counts[(int)plugin.Status(in contexts[i % contexts.Length]).Phase]++;
            }

            Array.Clear(counts);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Calls; i++)
            {
                counts[(int)plugin.Status(in contexts[i % contexts.Length]).Phase]++;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var phases = Enumerable.Range(0, counts.Length).Where(p => counts[p] > 0).ToDictionary(p => (TaskPhase)p, p => counts[p]);
            return (allocated, phases);
        }
    }
}
