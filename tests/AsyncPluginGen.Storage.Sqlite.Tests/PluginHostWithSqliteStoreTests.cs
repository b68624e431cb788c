using AsyncPluginGen;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Storage.Sqlite.Tests;

/// <summary>The store as the host gets it from <c>AddSqliteTaskStore</c>: opened at start, released at disposal.</summary>
public sealed class PluginHostWithSqliteStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ServiceProvider NewHost(string path)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new PluginCatalog([])); // no plugins: what is under test is the store's ownership
        services.AddPluginHost();
        services.AddSqliteTaskStore(path);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_second_host_on_the_same_file_does_not_start_and_the_first_releases_the_file_at_disposal()
    {
        var path = _directory.File(Path.Combine("data", "tasks.db"));
        var first = NewHost(path);
        await first.GetRequiredService<PluginHost>().StartAsync();
        Assert.True(File.Exists(path + ".lock"));

        await using (var second = NewHost(path))
        {
            var refused = await Assert.ThrowsAsync<TaskStoreException>(() => second.GetRequiredService<PluginHost>().StartAsync());
            Assert.Contains($"process {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
        }

        await first.DisposeAsync();
        Assert.False(File.Exists(path + ".lock"));

        await using var third = NewHost(path);
        await third.GetRequiredService<PluginHost>().StartAsync();
    }
}
