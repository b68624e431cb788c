using AsyncPluginGen.Hosting.Tests.Infrastructure;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>What an in-flight task keeps of remote input: nothing Status has already read.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task InFlightTask_DoesNotKeepTheRemoteResource_AfterStatusReadIt()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("RUNNING", "DONE");
        var handle = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        Assert.Null(handle.Record.ResourceObject);
        Assert.NotNull(handle.Record.MetaObject); // the meta stays: every Get and the Delete need it

        h.AdvanceTo(At(5));
        var result = await h.CompletionAsync(handle);
        Assert.Equal(new JobResource("DONE"), result.Resource); // the final resource reaches the result
    }
}
