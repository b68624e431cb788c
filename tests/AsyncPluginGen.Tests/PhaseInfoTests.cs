using System.Runtime.CompilerServices;

namespace AsyncPluginGen.Tests;

public sealed class PhaseInfoTests
{
    private static readonly TaskInfo SomeInfo = new() { Logs = [new TaskLog("Console", "https://example.test/job/1")] };

    [Fact]
    public void DefaultVersion_IsZero()
    {
        Assert.Equal(0u, PhaseInfo.DefaultVersion);
    }

    [Fact]
    public void Default_IsUndefined()
    {
        var info = default(PhaseInfo);

        Assert.Equal(TaskPhase.Undefined, info.Phase);
        Assert.Equal(0u, info.Version);
        Assert.Null(info.Reason);
        Assert.Null(info.Info);
        Assert.Null(info.Error);
        Assert.False(info.CleanupOnFailure);
        Assert.False(info.IsTerminal);
        Assert.Equal(default, PhaseInfo.Undefined);
        Assert.Equal(TaskPhase.Undefined, PhaseInfo.Undefined.Phase);
    }

    [Fact]
    public void IsAValueType()
    {
        Assert.True(typeof(PhaseInfo).IsValueType);
        Assert.True(typeof(ExecutionError).IsValueType);
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<TaskPhase>());
    }

    public static TheoryData<string, TaskPhase> NonFailureFactories() => new()
    {
        { nameof(PhaseInfo.NotReady), TaskPhase.NotReady },
        { nameof(PhaseInfo.WaitingForResources), TaskPhase.WaitingForResources },
        { nameof(PhaseInfo.Queued), TaskPhase.Queued },
        { nameof(PhaseInfo.Initializing), TaskPhase.Initializing },
        { nameof(PhaseInfo.Running), TaskPhase.Running },
        { nameof(PhaseInfo.WaitingForCache), TaskPhase.WaitingForCache },
    };

    private static PhaseInfo CallVersioned(string factory, string? reason, uint version, TaskInfo? info) => factory switch
    {
        nameof(PhaseInfo.NotReady) => PhaseInfo.NotReady(reason, version, info),
        nameof(PhaseInfo.WaitingForResources) => PhaseInfo.WaitingForResources(reason, version, info),
        nameof(PhaseInfo.Queued) => PhaseInfo.Queued(reason, version, info),
        nameof(PhaseInfo.Initializing) => PhaseInfo.Initializing(reason, version, info),
        nameof(PhaseInfo.Running) => PhaseInfo.Running(reason, version, info),
        nameof(PhaseInfo.WaitingForCache) => PhaseInfo.WaitingForCache(reason, version, info),
        _ => throw new ArgumentOutOfRangeException(nameof(factory), factory, null),
    };

    [Theory]
    [MemberData(nameof(NonFailureFactories))]
    public void NonFailureFactory_SetsPhaseVersionReasonAndInfo(string factory, TaskPhase expected)
    {
        var info = CallVersioned(factory, "because", 7, SomeInfo);

        Assert.Equal(expected, info.Phase);
        Assert.Equal(7u, info.Version);
        Assert.Equal("because", info.Reason);
        Assert.Same(SomeInfo, info.Info);
        Assert.Null(info.Error);
        Assert.False(info.CleanupOnFailure);
        Assert.False(info.IsTerminal);
    }

    [Theory]
    [MemberData(nameof(NonFailureFactories))]
    public void NonFailureFactory_DefaultsVersionAndInfo(string factory, TaskPhase expected)
    {
        var info = factory switch
        {
            nameof(PhaseInfo.NotReady) => PhaseInfo.NotReady("r"),
            nameof(PhaseInfo.WaitingForResources) => PhaseInfo.WaitingForResources("r"),
            nameof(PhaseInfo.Queued) => PhaseInfo.Queued("r"),
            nameof(PhaseInfo.Initializing) => PhaseInfo.Initializing("r"),
            nameof(PhaseInfo.Running) => PhaseInfo.Running("r"),
            nameof(PhaseInfo.WaitingForCache) => PhaseInfo.WaitingForCache("r"),
            _ => throw new ArgumentOutOfRangeException(nameof(factory)),
        };

        Assert.Equal(expected, info.Phase);
        Assert.Equal(PhaseInfo.DefaultVersion, info.Version);
        Assert.Equal("r", info.Reason);
        Assert.Null(info.Info);
        Assert.Null(info.Error);
    }

    [Fact]
    public void Running_AndWaitingForCache_NeedNoReason()
    {
        Assert.Null(PhaseInfo.Running().Reason);
        Assert.Equal(TaskPhase.Running, PhaseInfo.Running().Phase);
        Assert.Null(PhaseInfo.WaitingForCache().Reason);
        Assert.Equal(TaskPhase.WaitingForCache, PhaseInfo.WaitingForCache().Phase);
    }

    [Fact]
    public void Success_IsTerminalWithDefaultVersion()
    {
        var plain = PhaseInfo.Success();
        var detailed = PhaseInfo.Success("done", SomeInfo);

        Assert.Equal(TaskPhase.Success, plain.Phase);
        Assert.Equal(0u, plain.Version);
        Assert.Null(plain.Reason);
        Assert.Null(plain.Info);
        Assert.Null(plain.Error);
        Assert.True(plain.IsTerminal);
        Assert.Equal("done", detailed.Reason);
        Assert.Same(SomeInfo, detailed.Info);
        Assert.Equal(0u, detailed.Version);
        Assert.False(detailed.CleanupOnFailure);
    }

    [Fact]
    public void Aborted_IsTerminalWithoutError()
    {
        var info = PhaseInfo.Aborted("Aborted", SomeInfo);

        Assert.Equal(TaskPhase.Aborted, info.Phase);
        Assert.Equal("Aborted", info.Reason);
        Assert.Same(SomeInfo, info.Info);
        Assert.Null(info.Error);
        Assert.True(info.IsTerminal);
        Assert.False(info.CleanupOnFailure);
        Assert.Null(PhaseInfo.Aborted().Reason);
    }

    public static TheoryData<string, TaskPhase, ExecutionErrorKind, bool> FailureFactories() => new()
    {
        { nameof(PhaseInfo.Failure), TaskPhase.PermanentFailure, ExecutionErrorKind.User, false },
        { nameof(PhaseInfo.FailureWithCleanup), TaskPhase.PermanentFailure, ExecutionErrorKind.User, true },
        { nameof(PhaseInfo.RetryableFailure), TaskPhase.RetryableFailure, ExecutionErrorKind.User, false },
        { nameof(PhaseInfo.RetryableFailureWithCleanup), TaskPhase.RetryableFailure, ExecutionErrorKind.User, true },
        { nameof(PhaseInfo.SystemFailure), TaskPhase.PermanentFailure, ExecutionErrorKind.System, false },
        { nameof(PhaseInfo.SystemFailureWithCleanup), TaskPhase.PermanentFailure, ExecutionErrorKind.System, true },
        { nameof(PhaseInfo.SystemRetryableFailure), TaskPhase.RetryableFailure, ExecutionErrorKind.System, false },
        { nameof(PhaseInfo.SystemRetryableFailureWithCleanup), TaskPhase.RetryableFailure, ExecutionErrorKind.System, true },
    };

    private static PhaseInfo CallFailure(string factory, string? code, string? message, TaskInfo? info) => factory switch
    {
        nameof(PhaseInfo.Failure) => PhaseInfo.Failure(code, message, info),
        nameof(PhaseInfo.FailureWithCleanup) => PhaseInfo.FailureWithCleanup(code, message, info),
        nameof(PhaseInfo.RetryableFailure) => PhaseInfo.RetryableFailure(code, message, info),
        nameof(PhaseInfo.RetryableFailureWithCleanup) => PhaseInfo.RetryableFailureWithCleanup(code, message, info),
        nameof(PhaseInfo.SystemFailure) => PhaseInfo.SystemFailure(code, message, info),
        nameof(PhaseInfo.SystemFailureWithCleanup) => PhaseInfo.SystemFailureWithCleanup(code, message, info),
        nameof(PhaseInfo.SystemRetryableFailure) => PhaseInfo.SystemRetryableFailure(code, message, info),
        nameof(PhaseInfo.SystemRetryableFailureWithCleanup) => PhaseInfo.SystemRetryableFailureWithCleanup(code, message, info),
        _ => throw new ArgumentOutOfRangeException(nameof(factory), factory, null),
    };

    [Theory]
    [MemberData(nameof(FailureFactories))]
    public void FailureFactory_SetsPhaseErrorKindAndCleanup(string factory, TaskPhase phase, ExecutionErrorKind kind, bool cleanup)
    {
        var info = CallFailure(factory, "QueryFailed", "table not found", SomeInfo);

        Assert.Equal(phase, info.Phase);
        Assert.Equal(PhaseInfo.DefaultVersion, info.Version);
        Assert.Equal("table not found", info.Reason);
        Assert.Same(SomeInfo, info.Info);
        Assert.Equal(new ExecutionError("QueryFailed", "table not found", kind), info.Error);
        Assert.Equal(kind, info.Error!.Value.Kind);
        Assert.Equal(cleanup, info.CleanupOnFailure);
        Assert.True(info.IsTerminal);
        Assert.True(info.Phase.IsFailure());
    }

    [Theory]
    [MemberData(nameof(FailureFactories))]
    public void FailureFactory_FallsBackToUnknownForNullOrEmpty(string factory, TaskPhase phase, ExecutionErrorKind kind, bool cleanup)
    {
        foreach (var (code, message) in new[] { ((string?)null, (string?)null), ("", ""), (null, ""), ("", null) })
        {
            var info = CallFailure(factory, code, message, null);

            Assert.Equal(phase, info.Phase);
            Assert.Equal(cleanup, info.CleanupOnFailure);
            Assert.NotNull(info.Error);
            Assert.Equal("Unknown", info.Error.Value.Code);
            Assert.Equal("Unknown error message", info.Error.Value.Message);
            Assert.Equal(kind, info.Error.Value.Kind);
            Assert.Equal("Unknown error message", info.Reason);
            Assert.Null(info.Info);
        }
    }

    [Theory]
    [MemberData(nameof(FailureFactories))]
    public void FailureFactory_FallsBackPerField(string factory, TaskPhase phase, ExecutionErrorKind kind, bool cleanup)
    {
        var noCode = CallFailure(factory, null, "msg", null);
        var noMessage = CallFailure(factory, "Code", "", null);

        Assert.Equal(new ExecutionError("Unknown", "msg", kind), noCode.Error);
        Assert.Equal(new ExecutionError("Code", "Unknown error message", kind), noMessage.Error);
        Assert.Equal(phase, noCode.Phase);
        Assert.Equal(cleanup, noMessage.CleanupOnFailure);
    }

    [Theory]
    [InlineData(TaskPhase.PermanentFailure)]
    [InlineData(TaskPhase.RetryableFailure)]
    public void Failed_WithNullError_UsesUnknownError(TaskPhase phase)
    {
        var info = PhaseInfo.Failed(phase, null);

        Assert.Equal(phase, info.Phase);
        Assert.Equal(ExecutionError.Unknown, info.Error);
        Assert.Equal("Unknown", info.Error!.Value.Code);
        Assert.Equal("Unknown error message", info.Error.Value.Message);
        Assert.Equal(ExecutionErrorKind.User, info.Error.Value.Kind);
        Assert.Equal("Unknown error message", info.Reason);
        Assert.False(info.CleanupOnFailure);
        Assert.Null(info.Info);
        Assert.Equal(0u, info.Version);
    }

    [Fact]
    public void Failed_KeepsGivenErrorInfoAndCleanup()
    {
        var error = new ExecutionError("Quota", "out of slots", ExecutionErrorKind.System);

        var info = PhaseInfo.Failed(TaskPhase.RetryableFailure, error, SomeInfo, cleanupOnFailure: true);

        Assert.Equal(TaskPhase.RetryableFailure, info.Phase);
        Assert.Equal(error, info.Error);
        Assert.Equal("out of slots", info.Reason);
        Assert.Same(SomeInfo, info.Info);
        Assert.True(info.CleanupOnFailure);
    }

    [Fact]
    public void WithVersion_ReplacesOnlyVersion()
    {
        var original = PhaseInfo.FailureWithCleanup("c", "m", SomeInfo);

        var changed = original.WithVersion(42);

        Assert.Equal(42u, changed.Version);
        Assert.Equal(original.Phase, changed.Phase);
        Assert.Equal(original.Reason, changed.Reason);
        Assert.Same(original.Info, changed.Info);
        Assert.Equal(original.Error, changed.Error);
        Assert.Equal(original.CleanupOnFailure, changed.CleanupOnFailure);
        Assert.Equal(0u, original.Version);
        Assert.Equal(uint.MaxValue, PhaseInfo.Running().WithVersion(uint.MaxValue).Version);
    }

    [Fact]
    public void WithReason_ReplacesOnlyReason()
    {
        var original = PhaseInfo.SystemRetryableFailureWithCleanup("c", "m", SomeInfo).WithVersion(3);

        var changed = original.WithReason("retrying later");
        var cleared = original.WithReason(null);

        Assert.Equal("retrying later", changed.Reason);
        Assert.Null(cleared.Reason);
        Assert.Equal(original.Phase, changed.Phase);
        Assert.Equal(3u, changed.Version);
        Assert.Same(SomeInfo, changed.Info);
        Assert.Equal(original.Error, changed.Error);
        Assert.True(changed.CleanupOnFailure);
        Assert.Equal("m", original.Reason);
    }

    [Fact]
    public void WithInfo_ReplacesOnlyInfo()
    {
        var original = PhaseInfo.Queued("submitted", 2);
        var other = new TaskInfo { AdditionalReasons = ["x"] };

        var changed = original.WithInfo(other);

        Assert.Same(other, changed.Info);
        Assert.Null(original.Info);
        Assert.Equal(TaskPhase.Queued, changed.Phase);
        Assert.Equal(2u, changed.Version);
        Assert.Equal("submitted", changed.Reason);
        Assert.Null(changed.Error);
        Assert.Null(changed.WithInfo(null).Info);
    }

    [Fact]
    public void IsTerminal_FollowsPhase()
    {
        Assert.False(PhaseInfo.Running().IsTerminal);
        Assert.True(PhaseInfo.Success().IsTerminal);
        Assert.True(PhaseInfo.Failure("c", "m").IsTerminal);
        Assert.True(PhaseInfo.SystemRetryableFailure("c", "m").IsTerminal);
        Assert.True(PhaseInfo.Aborted().IsTerminal);
        Assert.False(PhaseInfo.WaitingForCache().IsTerminal);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(PhaseInfo.Running("r", 1), PhaseInfo.Running("r", 1));
        Assert.NotEqual(PhaseInfo.Running("r", 1), PhaseInfo.Running("r", 2));
        Assert.NotEqual(PhaseInfo.Failure("c", "m"), PhaseInfo.FailureWithCleanup("c", "m"));
        Assert.NotEqual(PhaseInfo.Failure("c", "m"), PhaseInfo.SystemFailure("c", "m"));
    }

    [Fact]
    public void ToString_DescribesPhaseVersionAndReasonOrError()
    {
        Assert.Equal("Undefined v0", default(PhaseInfo).ToString());
        Assert.Equal("Queued v3: submitted", PhaseInfo.Queued("submitted", 3).ToString());
        Assert.Equal("PermanentFailure v0: System error E: boom", PhaseInfo.SystemFailure("E", "boom").ToString());
    }

    [Fact]
    public void Factories_WithConstantStrings_DoNotAllocate()
    {
        // Warm up: JIT every path (tiered compilation) before measuring.
        for (var i = 0; i < 200; i++)
        {
            CallEveryFactory();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var checksum = 0;
        for (var i = 0; i < 1000; i++)
        {
            checksum += CallEveryFactory();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0L, allocated);
        Assert.Equal(1000 * ExpectedChecksum, checksum);
    }

    private const int ExpectedChecksum =
        (int)TaskPhase.NotReady + (int)TaskPhase.WaitingForResources + (int)TaskPhase.Queued + (int)TaskPhase.Initializing +
        (int)TaskPhase.Running + (int)TaskPhase.Success + (int)TaskPhase.WaitingForCache + (int)TaskPhase.Aborted +
        (4 * (int)TaskPhase.PermanentFailure) + (4 * (int)TaskPhase.RetryableFailure) +
        (int)TaskPhase.PermanentFailure + (int)TaskPhase.RetryableFailure + // Failed with and without an error
        (int)TaskPhase.Undefined + // Undefined
        (3 * (int)TaskPhase.Running); // WithVersion, WithReason, WithInfo

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CallEveryFactory()
    {
        var sum = 0;
        sum += Sink(PhaseInfo.NotReady("not ready", 1));
        sum += Sink(PhaseInfo.WaitingForResources("waiting", 1));
        sum += Sink(PhaseInfo.Queued("queued", 1));
        sum += Sink(PhaseInfo.Initializing("init", 1));
        sum += Sink(PhaseInfo.Running("running", 1));
        sum += Sink(PhaseInfo.Success("done"));
        sum += Sink(PhaseInfo.WaitingForCache("cache", 1));
        sum += Sink(PhaseInfo.Aborted("Aborted"));
        sum += Sink(PhaseInfo.Failure("Code", "message"));
        sum += Sink(PhaseInfo.FailureWithCleanup("Code", "message"));
        sum += Sink(PhaseInfo.SystemFailure("Code", "message"));
        sum += Sink(PhaseInfo.SystemFailureWithCleanup("Code", "message"));
        sum += Sink(PhaseInfo.RetryableFailure("Code", "message"));
        sum += Sink(PhaseInfo.RetryableFailureWithCleanup("Code", "message"));
        sum += Sink(PhaseInfo.SystemRetryableFailure("Code", "message"));
        sum += Sink(PhaseInfo.SystemRetryableFailureWithCleanup("Code", "message"));
        sum += Sink(PhaseInfo.Failed(TaskPhase.PermanentFailure, new ExecutionError("Code", "message", ExecutionErrorKind.System)));
        sum += Sink(PhaseInfo.Failed(TaskPhase.RetryableFailure, null));
        sum += Sink(PhaseInfo.Undefined);
        sum += Sink(PhaseInfo.Running().WithVersion(2));
        sum += Sink(PhaseInfo.Running().WithReason("r"));
        sum += Sink(PhaseInfo.Running().WithInfo(SomeInfo));
        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Sink(in PhaseInfo info) => (int)info.Phase + (info.Error is { } e ? e.Code.Length * 0 : 0);
}
