using System.Security.Cryptography;
using AsyncPluginGen.Flyte.Meta;
using AsyncPluginGen.Flyte.Tests.Infrastructure;

namespace AsyncPluginGen.Flyte.Tests.Meta;

/// <summary>Options and envelopes for the envelope tests, over the fixed test keys.</summary>
internal static class EnvelopeFixtures
{
    public const string TaskType = "echo_job";
    public const int TaskTypeVersion = 1;

    /// <summary>A small plugin ResourceMeta, as a plugin's serializer would write it.</summary>
    public static readonly byte[] Payload = """{"job_id":"job-000042","region":"eu-west-1"}"""u8.ToArray();

    /// <summary>Options with the given keys (id, base64) and the first one active.</summary>
    public static ResourceMetaEnvelopeOptions Options(params (string Id, string Key)[] keys)
    {
        var options = new ResourceMetaEnvelopeOptions { ActiveKeyId = keys.Length > 0 ? keys[0].Id : null };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return options;
    }

    /// <summary>Options with the primary test key only.</summary>
    public static ResourceMetaEnvelopeOptions PrimaryOptions() => Options((TestKeys.PrimaryId, TestKeys.PrimaryKey));

    public static ResourceMetaEnvelope Primary() => new(PrimaryOptions());

    /// <summary>A fresh random key, as <c>openssl rand -base64 32</c> makes one.</summary>
    public static string RandomKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] SealSample(ResourceMetaEnvelope envelope) => envelope.Seal(TaskType, TaskTypeVersion, Payload);

    public static ResourceMetaRejectionReason RejectionOf(ResourceMetaEnvelope envelope, ReadOnlySpan<byte> meta)
    {
        Assert.False(envelope.TryOpen(meta, out var opened, out var rejection));
        Assert.Null(opened);
        Assert.NotEqual(ResourceMetaRejectionReason.None, rejection);
        return rejection;
    }
}
