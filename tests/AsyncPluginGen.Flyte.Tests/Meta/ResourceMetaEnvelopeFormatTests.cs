using System.Security.Cryptography;
using AsyncPluginGen.Flyte.Meta;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static AsyncPluginGen.Flyte.Tests.Meta.EnvelopeFixtures;

namespace AsyncPluginGen.Flyte.Tests.Meta;

/// <summary>
/// The bytes are the documented format (docs/flyte-agent-meta.md and the remarks on ResourceMetaEnvelope): built here by
/// hand and signed with the framework's HMAC class, so a change to the layout fails this test instead of only being
/// consistent with itself. Metas outlive deployments, so the format must not drift.
/// </summary>
public sealed class ResourceMetaEnvelopeFormatTests
{
    [Fact]
    public void Seal_writes_the_documented_version_1_layout()
    {
        var issuedAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var envelope = new ResourceMetaEnvelope(PrimaryOptions(), new FakeTimeProvider(issuedAt));
        byte[] payload = """{"job_id":"x"}"""u8.ToArray();

        var actual = envelope.Seal("q", 0x01020304, payload);

        byte[] signed =
        [
            .. "APGM"u8, // magic
            1, // format version
            2, .. "k1"u8, // key id
            0, 0, 0, 0, 0x69, 0xA3, 0x81, 0x80, // issued at: 1772323200 s
            1, .. "q"u8, // task type
            1, 2, 3, 4, // task type version
            0, 0, 0, 14, .. payload, // payload
        ];
        using var hmac = new HMACSHA256(Convert.FromBase64String(TestKeys.PrimaryKey));
        byte[] expected = [.. signed, .. hmac.ComputeHash(signed)];
        Assert.Equal(1772323200, issuedAt.ToUnixTimeSeconds());
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
    }

    [Fact]
    public void The_envelope_costs_55_bytes_plus_the_key_id_and_task_type()
    {
        var envelope = Primary();

        Assert.Equal(55 + 2 + TaskType.Length + Payload.Length, SealSample(envelope).Length);
    }
}
