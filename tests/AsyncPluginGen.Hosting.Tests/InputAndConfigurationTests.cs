using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>Bad input at submission: a clear exception, and the host keeps working.</summary>
public sealed class InputTests
{
    [Fact]
    public async Task NullTask_IsRejected_WithArgumentNullException()
    {
        await using var h = new HostHarness();

        var error = Assert.Throws<ArgumentNullException>(() => h.Host.Submit(null!));
        Assert.Equal("task", error.ParamName);
    }

    [Fact]
    public async Task UnknownTaskType_IsRejected_ListingTheKnownTaskTypes_AndTheHostKeepsWorking()
    {
        await using var h = new HostHarness();

        var error = Assert.Throws<UnknownTaskTypeException>(() => h.Host.Submit(h.NewTask("a", taskType: "no_such_type")));

        Assert.Equal("no_such_type", error.TaskType);
        Assert.Contains("'no_such_type'", error.Message, StringComparison.Ordinal);
        Assert.Contains(ScriptedPlugin.TaskType, error.Message, StringComparison.Ordinal);
        Assert.Contains(SyncTestPlugin.TaskType, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Host.InFlightCount);
        Assert.False(h.Host.TryGetTask(h.UniqueName("a"), out _));

        h.Script("a").GetStates("DONE");
        Assert.Equal(PluginState.Succeeded, (await h.CompletionAsync(h.Submit("a"))).State);
    }

    [Fact]
    public async Task DuplicateUniqueName_AttachesToTheRunningTask_AndStartsANewOneOnceTheTaskEnded()
    {
        await using var h = new HostHarness();
        h.Script("a").GetStates("RUNNING", "DONE", "DONE");
        var first = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        var again = h.Submit("a");

        Assert.Same(first.Completion, again.Completion); // the same task: submitting is idempotent on the unique name
        Assert.Equal(1, h.Host.InFlightCount);
        Assert.Single(h.Calls.Of("a", Op.Create));

        h.AdvanceTo(At(5));
        await h.CompletionAsync(first);
        var second = h.Submit("a");
        var result = await h.CompletionAsync(second);

        Assert.Equal(PluginState.Succeeded, result.State);
        Assert.Equal(2, h.Calls.Count("a", Op.Create));
    }

    [Fact]
    public async Task DuplicateUniqueName_OfAnotherTaskType_IsRejectedWithBothTypes()
    {
        await using var h = new HostHarness();
        var first = h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        var error = Assert.Throws<DuplicateTaskException>(() => h.Host.Submit(h.NewTask("a", taskType: SyncTestPlugin.TaskType)));

        Assert.Equal(h.UniqueName("a"), error.UniqueName);
        Assert.Contains(h.UniqueName("a"), error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{ScriptedPlugin.TaskType}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{SyncTestPlugin.TaskType}'", error.Message, StringComparison.Ordinal);
        Assert.False(first.Completion.IsCompleted); // the running task is untouched
    }

    [Fact]
    public async Task SameExecution_AnotherRetryAttempt_IsNotADuplicate()
    {
        await using var h = new HostHarness();
        h.Submit("a");
        await h.WaitForPhaseAsync("a", TaskPhase.Running);

        var retry = h.Host.Submit(new TaskContext(ScriptedPlugin.TaskType, h.Id("a") with { RetryAttempt = 1 }));

        Assert.NotEqual(h.UniqueName("a"), retry.UniqueName);
        Assert.Equal(2, h.Host.InFlightCount);
    }

    [Fact]
    public async Task SubmitAfterDispose_ThrowsObjectDisposedException()
    {
        var h = new HostHarness();
        await h.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => h.Submit("a"));
    }
}

/// <summary>Host options and per-plugin overrides: validated at construction with a message naming plugin, field, value, range.</summary>
public sealed class ConfigurationTests
{
    public static TheoryData<Action<PluginConfigOverride>, string, string, string> OutOfRange => new()
    {
        { o => o.Workers = 0, "Caching.Workers", "0", "1–10000" },
        { o => o.Workers = 10_001, "Caching.Workers", "10001", "1–10000" },
        { o => o.ResyncInterval = TimeSpan.FromSeconds(4), "Caching.ResyncInterval", "00:00:04", "00:00:05–01:00:00" },
        { o => o.CacheSize = 9, "Caching.Size", "9", "10–500000" },
        { o => o.MaxSystemFailures = -1, "Caching.MaxSystemFailures", "-1", "0–" },
        { o => o.WriteBurst = 4, "WriteRateLimiter.Burst", "4", "5–10000" },
        { o => o.ReadBurst = 10_001, "ReadRateLimiter.Burst", "10001", "5–10000" },
        { o => o.ReadQps = 0.5, "ReadRateLimiter.Qps", "0.5", "1–100000" },
        { o => o.WriteQps = 0, "WriteRateLimiter.Qps", "0", "1–100000" },
        { o => o.ResourceQuotas["warehouse"] = 0, "ResourceQuotas[warehouse]", "0", "1–" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void OverrideOutOfRange_FailsConstruction_NamingPluginFieldValueAndRange(Action<PluginConfigOverride> set, string field, string value, string range)
    {
        var options = new PluginHostOptions();
        var overrides = new PluginConfigOverride();
        set(overrides);
        options.Plugins[ScriptedPlugin.Id] = overrides;

        var error = Assert.Throws<PluginConfigValidationException>(() => NewHost(options));

        Assert.Equal(ScriptedPlugin.Id, error.PluginId);
        var single = Assert.Single(error.Errors);
        Assert.Equal(field, single.Field);
        Assert.Equal(value, single.Value);
        Assert.StartsWith(range, single.AllowedRange, StringComparison.Ordinal);
        Assert.Contains($"'{ScriptedPlugin.Id}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains($" {value},", error.Message, StringComparison.Ordinal);
        Assert.Contains(range, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidDeclaredConfiguration_FailsConstruction_BeforeAnyTask()
    {
        var declared = new PluginConfig { Caching = new CachingConfig { Workers = 0 } };

        var error = Assert.Throws<PluginConfigValidationException>(() => NewHost(new PluginHostOptions(), declared));

        Assert.Equal(ScriptedPlugin.Id, error.PluginId);
        Assert.Contains("Caching.Workers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideForAnUnknownPluginId_FailsConstruction_ListingTheKnownIds()
    {
        var options = new PluginHostOptions();
        options.Plugins["NoSuchPlugin"] = new PluginConfigOverride { Workers = 2 };

        var error = Assert.Throws<ArgumentException>(() => NewHost(options));

        Assert.Contains("'NoSuchPlugin'", error.Message, StringComparison.Ordinal);
        Assert.Contains(ScriptedPlugin.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains(SyncTestPlugin.Id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonPositiveTickInterval_FailsConstruction()
    {
        var error = Assert.Throws<ArgumentException>(() => NewHost(new PluginHostOptions { TickInterval = TimeSpan.Zero }));
        Assert.Contains("TickInterval", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RetryPolicyWithoutAnAttempt_FailsConstruction(bool create)
    {
        var options = new PluginHostOptions();
        if (create)
        {
            options.CreateRetries = new RetryPolicy { MaxAttempts = 0 };
        }
        else
        {
            options.DeleteRetries = new RetryPolicy { MaxAttempts = 0 };
        }

        var error = Assert.Throws<ArgumentException>(() => NewHost(options));
        Assert.Contains(create ? "CreateRetries" : "DeleteRetries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidOverride_IsApplied_OverTheDeclaredConfiguration_KeepingWhatItDoesNotSet()
    {
        var options = new PluginHostOptions();
        options.Plugins[ScriptedPlugin.Id] = new PluginConfigOverride
        {
            WriteQps = 2.5,
            Workers = 3,
            ResyncInterval = TimeSpan.FromMinutes(1),
            ResourceQuotas = { ["warehouse"] = 4 },
        };
        var declared = new PluginConfig
        {
            ReadRateLimiter = new RateLimiterConfig { Qps = 7, Burst = 70 },
            ResourceQuotas = new Dictionary<ResourceNamespace, int> { ["other"] = 9, ["warehouse"] = 1 },
        };

        await using var host = NewHost(options, declared);
        var effective = host.GetEffectiveConfig(ScriptedPlugin.Id);

        Assert.Equal(2.5, effective.WriteRateLimiter.Qps);
        Assert.Equal(RateLimiterConfig.DefaultWrite.Burst, effective.WriteRateLimiter.Burst);
        Assert.Equal(new RateLimiterConfig { Qps = 7, Burst = 70 }, effective.ReadRateLimiter);
        Assert.Equal(3, effective.Caching.Workers);
        Assert.Equal(TimeSpan.FromMinutes(1), effective.Caching.ResyncInterval);
        Assert.Equal(CachingConfig.Default.Size, effective.Caching.Size);
        Assert.Equal(4, effective.ResourceQuotas["warehouse"]);
        Assert.Equal(9, effective.ResourceQuotas["other"]);
        Assert.Equal(PluginConfig.Default, host.GetEffectiveConfig(SyncTestPlugin.Id));
        Assert.Throws<KeyNotFoundException>(() => host.GetEffectiveConfig("NoSuchPlugin"));
    }

    private static PluginHost NewHost(PluginHostOptions options, PluginConfig? declared = null)
    {
        var time = new FakeTimeProvider(T0);
        var calls = new CallLog();
        var plugin = new ScriptedPlugin(time, declared ?? new PluginConfig(), calls);
        var sync = new SyncTestPlugin(time, calls);
        return new PluginHost(new PluginCatalog([new TestRegistry(plugin.Descriptor, sync.Descriptor)]), new ServiceCollection().BuildServiceProvider(), options, new InMemoryResourceManager(), time);
    }
}
