using System.Text.Json;
using AsyncPluginGen;
using AsyncPluginGen.Hosting;
using Consumer;
using Microsoft.Extensions.DependencyInjection;

// Registers the plugin through the method the package's generator wrote for this assembly, drives one task through
// the package's host, and prints what happened. Exit 0 only when the task succeeded with exactly one remote job.
var services = new ServiceCollection()
    .AddSingleton<EchoService>()
    .AddConsumerPlugins()
    .AddPluginHost();
await using var provider = services.BuildServiceProvider();

var catalog = provider.GetRequiredService<PluginCatalog>();
Console.WriteLine("plugins: " + string.Join(", ", catalog.TaskTypes.Select(t => t + " -> " + catalog.GetDescriptor(t).PluginType.Name)));

var host = provider.GetRequiredService<PluginHost>();
var handle = host.Submit(new TaskContext("echo", new TaskExecutionId("consumer", "development", "exec-1", "n0"))
{
    Inputs = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["message"] = "hello" }),
});
var result = await handle.Completion.WaitAsync(TimeSpan.FromSeconds(60));
var echo = provider.GetRequiredService<EchoService>();

Console.WriteLine($"task {result.ExecutionId.ExecutionName}: {result.Phase.Phase}, state {result.State}, remote jobs {echo.Creates}");
return result.Phase.Phase == TaskPhase.Success && echo.Creates == 1 ? 0 : 1;
