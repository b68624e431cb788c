using AsyncPluginGen.Flyte.Meta;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static AsyncPluginGen.Flyte.Tests.Meta.EnvelopeFixtures;

namespace AsyncPluginGen.Flyte.Tests.Meta;

public sealed class ResourceMetaEnvelopeRoundTripTests
{
    [Fact]
    public void Open_returns_what_Seal_sealed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 30, 15, TimeSpan.Zero));
        var envelope = new ResourceMetaEnvelope(PrimaryOptions(), time);

        var opened = envelope.Open(envelope.Seal(TaskType, TaskTypeVersion, Payload));

        Assert.Equal(TaskType, opened.TaskType);
        Assert.Equal(TaskTypeVersion, opened.TaskTypeVersion);
        Assert.Equal(TestKeys.PrimaryId, opened.KeyId);
        Assert.Equal(time.GetUtcNow(), opened.IssuedAt);
        Assert.Equal(Payload, opened.Payload.ToArray());
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("x", int.MinValue)]
    [InlineData("bigquery_query_job_task", -1)]
    [InlineData("tâche_ünïcode_任务", int.MaxValue)]
    public void Round_trips_any_task_type_version_and_payload(string payloadText, int version)
    {
        var envelope = Primary();
        var payload = System.Text.Encoding.UTF8.GetBytes(payloadText);
        var taskType = payloadText.Length == 0 ? "t" : payloadText;

        var opened = envelope.Open(envelope.Seal(taskType, version, payload));

        Assert.Equal(taskType, opened.TaskType);
        Assert.Equal(version, opened.TaskTypeVersion);
        Assert.Equal(payload, opened.Payload.ToArray());
    }

    [Fact]
    public void The_opened_payload_is_a_copy_that_does_not_change_with_the_request_buffer()
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);

        var opened = envelope.Open(sealedMeta);
        Array.Clear(sealedMeta);

        Assert.Equal(Payload, opened.Payload.ToArray());
    }

    [Fact]
    public void Two_replicas_built_from_the_same_options_open_each_others_metas()
    {
        var replicaA = new ResourceMetaEnvelope(PrimaryOptions());
        var replicaB = new ResourceMetaEnvelope(PrimaryOptions());

        Assert.Equal(Payload, replicaB.Open(SealSample(replicaA)).Payload.ToArray());
        Assert.Equal(Payload, replicaA.Open(SealSample(replicaB)).Payload.ToArray());
    }

    [Fact]
    public void The_envelope_keeps_a_snapshot_of_the_options()
    {
        var options = PrimaryOptions();
        var envelope = new ResourceMetaEnvelope(options);
        var sealedMeta = SealSample(envelope);

        options.Keys[TestKeys.PrimaryId] = RandomKey();
        options.Keys["k9"] = RandomKey();
        options.ActiveKeyId = "k9";
        options.MaxBytes = 256;

        Assert.Equal(TestKeys.PrimaryId, envelope.ActiveKeyId);
        Assert.Equal(ResourceMetaEnvelopeOptions.DefaultMaxBytes, envelope.MaxBytes);
        Assert.Equal(TestKeys.PrimaryId, envelope.Open(sealedMeta).KeyId);
    }

    [Fact]
    public void EnsureTaskCategory_accepts_the_sealed_category_and_refuses_any_other()
    {
        var envelope = Primary();
        var opened = envelope.Open(SealSample(envelope));

        ResourceMetaEnvelope.EnsureTaskCategory(opened, TaskType, TaskTypeVersion);
        Assert.True(opened.IsFor(TaskType, TaskTypeVersion));

        var otherType = Assert.Throws<ResourceMetaRejectedException>(() => ResourceMetaEnvelope.EnsureTaskCategory(opened, "other_plugin", TaskTypeVersion));
        Assert.Equal(ResourceMetaRejectionReason.WrongTaskCategory, otherType.Reason);
        Assert.Equal(
            "resource_meta was issued for task category 'echo_job' version 1, not for 'other_plugin' version 1 named by the request.",
            otherType.Message);

        var otherVersion = Assert.Throws<ResourceMetaRejectedException>(() => ResourceMetaEnvelope.EnsureTaskCategory(opened, TaskType, 2));
        Assert.Equal(ResourceMetaRejectionReason.WrongTaskCategory, otherVersion.Reason);

        // Task types are compared exactly: Flyte's routing is case-sensitive.
        Assert.Throws<ResourceMetaRejectedException>(() => ResourceMetaEnvelope.EnsureTaskCategory(opened, "ECHO_JOB", TaskTypeVersion));
    }

    [Fact]
    public void Open_with_an_expected_category_opens_and_checks_in_one_call()
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);

        Assert.Equal(Payload, envelope.Open(sealedMeta, TaskType, TaskTypeVersion).Payload.ToArray());
        Assert.Equal(
            ResourceMetaRejectionReason.WrongTaskCategory,
            Assert.Throws<ResourceMetaRejectedException>(() => envelope.Open(sealedMeta, "other_plugin", 7)).Reason);
    }

    [Fact]
    public void Open_allocates_only_its_result()
    {
        var envelope = Primary();
        var sealedMeta = envelope.Seal("q", 1, """{"job_id":"j-1"}"""u8);
        Assert.InRange(sealedMeta.Length, 60, 100);
        for (var i = 0; i < 100; i++)
        {
            _ = envelope.Open(sealedMeta);
        }

        const int calls = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            _ = envelope.Open(sealedMeta);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;

        // The result object (~72 B), the task type string (~24 B) and the payload copy (~40 B); nothing for parsing or the MAC.
        Assert.InRange(perCall, 1, 160);
    }
}
