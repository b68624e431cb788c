using System.Text;
using AsyncPluginGen.Flyte.Meta;
using static AsyncPluginGen.Flyte.Tests.Meta.EnvelopeFixtures;

namespace AsyncPluginGen.Flyte.Tests.Meta;

/// <summary>Size limits, foreign formats, and what the client is told.</summary>
public sealed class ResourceMetaEnvelopeLimitsTests
{
    [Fact]
    public void An_empty_meta_is_refused()
    {
        var envelope = Primary();

        Assert.Equal(ResourceMetaRejectionReason.Empty, RejectionOf(envelope, []));
        Assert.Equal(ResourceMetaRejectionReason.Empty, Assert.Throws<ResourceMetaRejectedException>(() => envelope.Open(ReadOnlySpan<byte>.Empty)).Reason);
    }

    [Fact]
    public void A_meta_over_the_default_64_KiB_is_refused_before_parsing()
    {
        var envelope = Primary();
        var huge = new byte[ResourceMetaEnvelopeOptions.DefaultMaxBytes + 1];

        // Zeros would be UnknownFormat if the magic were read first; TooLarge proves the size came first.
        Assert.Equal(ResourceMetaRejectionReason.TooLarge, RejectionOf(envelope, huge));
        var refused = Assert.Throws<ResourceMetaRejectedException>(() => envelope.Open(huge));
        Assert.Equal("resource_meta is 65537 bytes, more than the 65536 bytes this agent accepts, so it cannot be one this agent issued.", refused.Message);
    }

    [Fact]
    public void A_genuine_meta_over_a_configured_limit_is_refused_as_TooLarge()
    {
        var generous = new ResourceMetaEnvelope(WithMaxBytes(ResourceMetaEnvelopeOptions.MaxBytesUpperBound));
        var strict = new ResourceMetaEnvelope(WithMaxBytes(1024));
        var big = generous.Seal(TaskType, TaskTypeVersion, new byte[2000]);

        Assert.Equal(ResourceMetaRejectionReason.TooLarge, RejectionOf(strict, big));
        Assert.Equal(2000, generous.Open(big).Payload.Length);
    }

    [Fact]
    public void Seal_fills_exactly_up_to_MaxBytes_and_refuses_one_byte_more()
    {
        var envelope = new ResourceMetaEnvelope(WithMaxBytes(1024));
        var overhead = envelope.Seal(TaskType, TaskTypeVersion, []).Length;

        Assert.Equal(1024, envelope.Seal(TaskType, TaskTypeVersion, new byte[1024 - overhead]).Length);
        var refused = Assert.Throws<ArgumentException>(() => envelope.Seal(TaskType, TaskTypeVersion, new byte[1024 - overhead + 1]));
        Assert.Contains("1025 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FlyteAgent:ResourceMeta:MaxBytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_refuses_task_types_the_envelope_cannot_carry()
    {
        var envelope = Primary();

        Assert.Throws<ArgumentException>(() => envelope.Seal("", 1, Payload));
        Assert.Throws<ArgumentException>(() => envelope.Seal(new string('t', ResourceMetaEnvelope.MaxTaskTypeBytes + 1), 1, Payload));
        Assert.Throws<ArgumentException>(() => envelope.Seal("half\uD800pair", 1, Payload));
        Assert.Equal(ResourceMetaEnvelope.MaxTaskTypeBytes, envelope.Open(envelope.Seal(new string('t', ResourceMetaEnvelope.MaxTaskTypeBytes), 1, Payload)).TaskType.Length);
    }

    [Theory]
    [InlineData("""{"job_id": "x"}""")]
    [InlineData("""{"job_id": "someone-elses-job", "region": "us-east-1"}""")]
    [InlineData("gAN9cQBYBgAAAGpvYl9pZHEBWAEAAAB4cQJzLg==")]
    [InlineData("APGX, not an envelope")]
    public void A_meta_from_another_agent_is_UnknownFormat_and_the_message_does_not_echo_it(string foreign)
    {
        var envelope = Primary();
        var bytes = Encoding.UTF8.GetBytes(foreign);

        var refused = Assert.Throws<ResourceMetaRejectedException>(() => envelope.Open(bytes));

        Assert.Equal(ResourceMetaRejectionReason.UnknownFormat, refused.Reason);
        Assert.DoesNotContain("job", refused.Message, StringComparison.Ordinal);
        Assert.Contains("flytekit", refused.Message, StringComparison.Ordinal);
        Assert.Null(refused.InnerException);
    }

    [Fact]
    public void A_meta_of_a_newer_format_version_is_UnsupportedVersion()
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);
        sealedMeta[4] = ResourceMetaEnvelope.FormatVersion + 1;

        Assert.Equal(ResourceMetaRejectionReason.UnsupportedVersion, Assert.Throws<ResourceMetaRejectedException>(() => envelope.Open(sealedMeta)).Reason);
    }

    [Fact]
    public void Every_reason_has_its_own_message_and_none_repeats_the_meta()
    {
        var reasons = Enum.GetValues<ResourceMetaRejectionReason>().Where(r => r != ResourceMetaRejectionReason.None).ToArray();
        var messages = reasons.Select(ResourceMetaRejectedException.Describe).ToArray();

        Assert.Equal(messages.Length, messages.Distinct(StringComparer.Ordinal).Count());
        Assert.All(messages, message => Assert.StartsWith("resource_meta ", message, StringComparison.Ordinal));

        // A tampered meta's message is the standard one: no bytes, no offsets.
        var envelope = Primary();
        var tampered = SealSample(envelope);
        tampered[^1] ^= 0xFF;
        var refused = Assert.Throws<ResourceMetaRejectedException>(() => envelope.Open(tampered));
        Assert.Equal(ResourceMetaRejectedException.Describe(ResourceMetaRejectionReason.BadSignature), refused.Message);
    }

    private static ResourceMetaEnvelopeOptions WithMaxBytes(int maxBytes)
    {
        var options = PrimaryOptions();
        options.MaxBytes = maxBytes;
        return options;
    }
}
