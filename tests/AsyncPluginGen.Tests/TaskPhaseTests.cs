namespace AsyncPluginGen.Tests;

public sealed class TaskPhaseTests
{
    public static TheoryData<TaskPhase, bool, bool, bool> Classification() => new()
    {
        // phase, IsTerminal, IsFailure, IsSuccess
        { TaskPhase.Undefined, false, false, false },
        { TaskPhase.NotReady, false, false, false },
        { TaskPhase.WaitingForResources, false, false, false },
        { TaskPhase.Queued, false, false, false },
        { TaskPhase.Initializing, false, false, false },
        { TaskPhase.Running, false, false, false },
        { TaskPhase.Success, true, false, true },
        { TaskPhase.RetryableFailure, true, true, false },
        { TaskPhase.PermanentFailure, true, true, false },
        { TaskPhase.WaitingForCache, false, false, false },
        { TaskPhase.Aborted, true, false, false },
    };

    [Theory]
    [MemberData(nameof(Classification))]
    public void Classification_MatchesFlyte(TaskPhase phase, bool terminal, bool failure, bool success)
    {
        Assert.Equal(terminal, phase.IsTerminal());
        Assert.Equal(failure, phase.IsFailure());
        Assert.Equal(success, phase.IsSuccess());
    }

    [Fact]
    public void Classification_CoversEveryMember()
    {
        var covered = Classification().Select(row => (TaskPhase)row[0]).ToHashSet();

        Assert.Equal(Enum.GetValues<TaskPhase>().ToHashSet(), covered);
    }

    [Fact]
    public void Members_AreTheElevenOfFlyte_InFlyteOrder()
    {
        var values = Enum.GetValues<TaskPhase>();

        Assert.Equal(11, values.Length);
        Assert.Equal(
            [
                "Undefined", "NotReady", "WaitingForResources", "Queued", "Initializing", "Running",
                "Success", "RetryableFailure", "PermanentFailure", "WaitingForCache", "Aborted",
            ],
            values.Select(v => v.ToString()));
        Assert.Equal(Enumerable.Range(0, 11), values.Select(v => (int)v));
    }

    [Fact]
    public void UnderlyingType_IsSignedByte_LikeFlytesInt8()
    {
        Assert.Equal(typeof(sbyte), Enum.GetUnderlyingType(typeof(TaskPhase)));
        Assert.Equal(TaskPhase.Undefined, default(TaskPhase));
    }

    [Fact]
    public void FailureAndSuccess_AreTerminal()
    {
        foreach (var phase in Enum.GetValues<TaskPhase>())
        {
            if (phase.IsFailure() || phase.IsSuccess())
            {
                Assert.True(phase.IsTerminal(), $"{phase} is a failure or success but not terminal");
            }
        }
    }
}
