using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static AsyncPluginGen.Hosting.Tests.Infrastructure.HostHarness;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>
/// Every host option is range-checked with a message naming option, value and allowed range: each value here once
/// stopped the clock, threw a raw timer or DateTime exception, or overflowed a retry into a failure that skipped cleanup.
/// </summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<Action<PluginHostOptions>, string> InvalidOptions => new()
    {
        { o => o.TickInterval = TimeSpan.FromTicks(5_000), "TickInterval is 00:00:00.0005000" },
        { o => o.TickInterval = TimeSpan.FromDays(60), "TickInterval is 60.00:00:00" },
        { o => o.TickInterval = TimeSpan.FromSeconds(-1), "TickInterval is -00:00:01" },
        { o => o.DefaultTaskTimeout = TimeSpan.MaxValue, "DefaultTaskTimeout is " },
        { o => o.DefaultTaskTimeout = TimeSpan.Zero, "DefaultTaskTimeout is 00:00:00," },
        { o => o.CreateRetries = new RetryPolicy { MaxDelay = TimeSpan.MaxValue }, "CreateRetries.MaxDelay is " },
        { o => o.DeleteRetries = new RetryPolicy { InitialDelay = TimeSpan.FromSeconds(-1) }, "DeleteRetries.InitialDelay is -00:00:01" },
        { o => o.DeleteRetries = new RetryPolicy { InitialDelay = TimeSpan.FromMinutes(5), MaxDelay = TimeSpan.FromMinutes(1) }, "DeleteRetries.InitialDelay is 00:05:00, but it must be within 0–00:01:00" },
        { o => o.CreateRetries = new RetryPolicy { MaxAttempts = 1_001 }, "CreateRetries.MaxAttempts is 1001, but it must be within 1–1000" },
        { o => o.CreateRetries = null!, "CreateRetries is null" },
        { o => o.CallTimeouts.Get = TimeSpan.Zero, "CallTimeouts.Get is 00:00:00, but it must be within" },
        { o => o.CallTimeouts.Do = TimeSpan.FromHours(2), "CallTimeouts.Do is 02:00:00, but it must be within" },
        { o => o.CallTimeouts = null!, "CallTimeouts is null" },
        { o => o.MaxRemoteTextLength = 10, "MaxRemoteTextLength is 10, but it must be within 64–65536" },
        { o => o.StoreCommitInterval = TimeSpan.Zero, "StoreCommitInterval is 00:00:00, but it must be within" },
        { o => o.StoreCommitInterval = TimeSpan.FromSeconds(2), "StoreCommitInterval is 00:00:02, but it must be within" },
        { o => o.EndedTaskRetention = TimeSpan.FromDays(400), "EndedTaskRetention is 400.00:00:00, but it must be within" },
        { o => o.EndedTaskRetention = TimeSpan.FromSeconds(-1), "EndedTaskRetention is -00:00:01, but it must be within" },
        { o => o.StopBehavior = (StopBehavior)7, "StopBehavior is 7, but it must be within { LeaveRunning, AbortAndDelete }" },
        { o => o.Plugins[ScriptedPlugin.Id] = new PluginConfigOverride { CallTimeouts = { Delete = TimeSpan.FromMilliseconds(-1) } }, "Plugins:Scripted:CallTimeouts:Delete is -00:00:00.0010000, but it must be within" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOption_FailsHostConstruction_NamingOptionValueAndRange(Action<PluginHostOptions> set, string expected)
    {
        var options = new PluginHostOptions();
        set(options);

        var error = Assert.Throws<ArgumentException>(() => NewHost(options));

        Assert.Contains($"PluginHostOptions.{expected}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOption_FailsStartUp_ThroughValidateOnStart(Action<PluginHostOptions> set, string expected)
    {
        using var provider = NewServices(set);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, failure => failure.Contains($"PluginHostOptions.{expected}", StringComparison.Ordinal));
    }

    [Fact]
    public void StartUpValidation_ListsEveryProblem_IncludingUnknownAndOutOfRangePluginOverrides()
    {
        using var provider = NewServices(o =>
        {
            o.TickInterval = TimeSpan.Zero;
            o.DefaultTaskTimeout = TimeSpan.MaxValue;
            o.Plugins["NoSuchPlugin"] = new PluginConfigOverride();
            o.Plugins[ScriptedPlugin.Id] = new PluginConfigOverride { Workers = 0 };
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("TickInterval", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("DefaultTaskTimeout", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("'NoSuchPlugin'", StringComparison.Ordinal) && f.Contains(ScriptedPlugin.Id, StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains($"'{ScriptedPlugin.Id}'", StringComparison.Ordinal) && f.Contains("Caching.Workers is 0", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultOptions_AndTheBoundsOfEveryRange_AreValid()
    {
        using var defaults = NewServices(_ => { });
        defaults.GetRequiredService<IStartupValidator>().Validate();

        var bounds = new PluginHostOptions
        {
            TickInterval = PluginHostOptions.TickIntervalRange.Min,
            DefaultTaskTimeout = PluginHostOptions.TaskTimeoutRange.Max,
            CreateRetries = new RetryPolicy { MaxAttempts = RetryPolicy.MaxAttemptsRange.Max, InitialDelay = TimeSpan.Zero, MaxDelay = RetryPolicy.DelayRange.Max },
            DeleteRetries = new RetryPolicy { MaxAttempts = 1, InitialDelay = RetryPolicy.DelayRange.Max, MaxDelay = RetryPolicy.DelayRange.Max },
        };
        var other = new PluginHostOptions { TickInterval = PluginHostOptions.TickIntervalRange.Max, DefaultTaskTimeout = PluginHostOptions.TaskTimeoutRange.Min };

        Assert.Equal(0, NewHost(bounds).InFlightCount);
        Assert.Equal(0, NewHost(other).InFlightCount);
    }

    [Fact]
    public async Task TaskTimeoutOutOfRange_IsRejectedAtSubmit_AndTheHostKeepsWorking()
    {
        await using var h = new HostHarness();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => h.Host.Submit(h.NewTask("a"), new TaskOptions { Timeout = TimeSpan.MaxValue }));

        Assert.Contains("TaskOptions.Timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pass null for no timeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Host.InFlightCount);
        h.Script("a").GetStates("DONE");
        Assert.Equal(PluginState.Succeeded, (await h.CompletionAsync(h.Submit("a"))).State);
    }

    [Fact]
    public void LongestRetryDelay_StaysRepresentable_AfterAThousandAttempts()
    {
        var policy = new RetryPolicy { MaxAttempts = RetryPolicy.MaxAttemptsRange.Max, InitialDelay = RetryPolicy.DelayRange.Max, MaxDelay = RetryPolicy.DelayRange.Max };

        var delay = policy.DelayAfter(RetryPolicy.MaxAttemptsRange.Max);

        Assert.Equal(RetryPolicy.DelayRange.Max, delay);
        Assert.True(DateTimeOffset.MaxValue - delay > T0.AddYears(100), "the delay added to any plausible clock is representable");
    }

    private static PluginHost NewHost(PluginHostOptions options)
    {
        var time = new FakeTimeProvider(T0);
        var calls = new CallLog();
        var plugin = new ScriptedPlugin(time, new PluginConfig(), calls);
        var sync = new SyncTestPlugin(time, calls);
        return new PluginHost(new PluginCatalog([new TestRegistry(plugin.Descriptor, sync.Descriptor)]), new ServiceCollection().BuildServiceProvider(), options, new InMemoryResourceManager(), time);
    }

    private static ServiceProvider NewServices(Action<PluginHostOptions> configure)
    {
        var time = new FakeTimeProvider(T0);
        var calls = new CallLog();
        var plugin = new ScriptedPlugin(time, new PluginConfig(), calls);
        var sync = new SyncTestPlugin(time, calls);
        var services = new ServiceCollection();
        services.AddSingleton(new PluginCatalog([new TestRegistry(plugin.Descriptor, sync.Descriptor)]));
        services.AddPluginHost(configure);
        return services.BuildServiceProvider();
    }
}
