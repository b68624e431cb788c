using AsyncPluginGen.CrashTests.Host;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Training;
using AsyncPluginGen.Samples.Warehouse;
using Microsoft.Extensions.DependencyInjection;

// Arguments: store|none warehouse-url notebooks-url training-url tasks seed abort-fraction run [kill-spec]
// Submits the planned tasks it does not find in the store, 50 per second, and attaches to the others; aborts the planned
// ones some time after it has their handle (again after a restart, when they still run).
// Prints "SUBMIT <unique name>" per task submitted (not found), "OUTCOME <unique name> <outcome>" per ended task (ended ones found in the store included) and "DONE" when all ended.
// "none" runs without a store: the negative control, which must lose and leak tasks when killed.
var store = args[0];
var urls = args[1..4].Select(u => new Uri(u)).ToArray();
var plan = CrashPlan.Of(int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture), double.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture));
var run = args[7];
var kill = KillSwitch.Parse(args.Length > 8 ? args[8] : null);

HttpClient Client(Uri baseAddress) => new(new KillingHandler(kill, run)) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
await using var services = new ServiceCollection()
    .AddSingleton(new WarehouseClient(Client(urls[0])))
    .AddSingleton(new NotebookClient(Client(urls[1])))
    .AddSingleton(new TrainingClient(Client(urls[2])))
    .AddAsyncPluginGenSamplesPlugins()
    .BuildServiceProvider();
var options = new PluginHostOptions
{
    CreateRetries = new RetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
    DeleteRetries = new RetryPolicy { MaxAttempts = 10, InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
};
foreach (var plugin in new[] { nameof(WarehouseQueryPlugin), nameof(NotebookRunPlugin), nameof(TrainingJobPlugin) })
{
    options.Plugins[plugin] = new PluginConfigOverride { ResyncInterval = TimeSpan.FromSeconds(5) };
}

ITaskStore? taskStore = store == "none" ? null : new KillingStore(new SqliteTaskStore(new SqliteTaskStoreOptions { Path = store }), kill);
await using var host = new PluginHost(services.GetRequiredService<PluginCatalog>(), services, options, store: taskStore);
await host.StartAsync();

var output = new object();
void Report(string line)
{
    lock (output)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}

// New tasks arrive at a steady rate (a run killed midway leaves the rest to the next), so Creates go on all along.
var arrival = TimeSpan.FromSeconds(1.0 / 50);
var pending = new List<Task>(plan.Count);
foreach (var planned in plan)
{
    var handle = await host.FindAsync(planned.Task.UniqueName);
    if (handle is null)
    {
        handle = host.Submit(planned.Task);

        // Tells the test this task was new to the host (not found in its store), to explain a second Create.
        Report($"SUBMIT {planned.Task.UniqueName}");
        await Task.Delay(arrival);
    }

    pending.Add(ReportWhenEndedAsync(handle));
    if (planned.AbortAfter is { } after && !handle.Completion.IsCompleted)
    {
        // Counted from now, so aborts fall on tasks waiting, creating, running or already ending, in every run.
        pending.Add(AbortLaterAsync(handle, after));
    }
}

await Task.WhenAll(pending);
Report("DONE");
return 0;

async Task ReportWhenEndedAsync(TaskHandle handle)
{
    var result = await handle.Completion;
    Report($"OUTCOME {handle.UniqueName} {Outcome.Of(result)}");
}

static async Task AbortLaterAsync(TaskHandle handle, TimeSpan after)
{
    await Task.WhenAny(handle.Completion, Task.Delay(after));
    handle.Abort();
}
