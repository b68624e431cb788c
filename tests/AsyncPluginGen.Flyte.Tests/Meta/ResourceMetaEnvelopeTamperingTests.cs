using AsyncPluginGen.Flyte.Meta;
using static AsyncPluginGen.Flyte.Tests.Meta.EnvelopeFixtures;

namespace AsyncPluginGen.Flyte.Tests.Meta;

/// <summary>An altered meta is never accepted, whichever bit or byte was altered.</summary>
public sealed class ResourceMetaEnvelopeTamperingTests
{
    [Fact]
    public void Every_single_bit_flip_is_refused()
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);
        var signedFrom = sealedMeta.Length - Payload.Length - 32;

        for (var bit = 0; bit < sealedMeta.Length * 8; bit++)
        {
            var tampered = (byte[])sealedMeta.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));

            var rejection = RejectionOf(envelope, tampered);

            // Flips in the payload or the signature leave the structure intact: only the signature can catch them.
            if (bit / 8 >= signedFrom)
            {
                Assert.Equal(ResourceMetaRejectionReason.BadSignature, rejection);
            }
        }
    }

    [Fact]
    public void Flips_in_each_field_are_refused_for_the_reason_of_that_field()
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);

        Assert.Equal(ResourceMetaRejectionReason.UnknownFormat, RejectionOf(envelope, Flip(sealedMeta, 0)));
        Assert.Equal(ResourceMetaRejectionReason.UnsupportedVersion, RejectionOf(envelope, Flip(sealedMeta, 4)));
        Assert.Equal(ResourceMetaRejectionReason.UnknownKey, RejectionOf(envelope, Flip(sealedMeta, 6))); // the key id's first byte
        Assert.Equal(ResourceMetaRejectionReason.BadSignature, RejectionOf(envelope, Flip(sealedMeta, 10))); // issued at
        Assert.Equal(ResourceMetaRejectionReason.BadSignature, RejectionOf(envelope, Flip(sealedMeta, 17))); // task type
    }

    [Fact]
    public void A_meta_truncated_at_every_length_is_refused()
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);

        Assert.Equal(ResourceMetaRejectionReason.Empty, RejectionOf(envelope, sealedMeta.AsSpan(0, 0)));
        for (var length = 1; length < sealedMeta.Length; length++)
        {
            Assert.Equal(ResourceMetaRejectionReason.Truncated, RejectionOf(envelope, sealedMeta.AsSpan(0, length)));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 0x41, 0x50, 0x47, 0x4D })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 })]
    public void Bytes_after_the_signature_are_refused(byte[] trailing)
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);

        Assert.Equal(ResourceMetaRejectionReason.Malformed, RejectionOf(envelope, [.. sealedMeta, .. trailing]));
    }

    [Fact]
    public void A_meta_whose_task_category_was_rewritten_is_refused_by_the_signature()
    {
        var envelope = Primary();
        var sealedMeta = envelope.Seal("plugin_a", 1, Payload);

        // Same length, so the structure still parses: "plugin_a" becomes "plugin_b", then version 1 becomes 2.
        var otherType = (byte[])sealedMeta.Clone();
        var typeAt = sealedMeta.AsSpan().IndexOf("plugin_a"u8);
        otherType[typeAt + 7] = (byte)'b';
        var otherVersion = (byte[])sealedMeta.Clone();
        otherVersion[typeAt + "plugin_a".Length + 3] = 2;

        Assert.Equal(ResourceMetaRejectionReason.BadSignature, RejectionOf(envelope, otherType));
        Assert.Equal(ResourceMetaRejectionReason.BadSignature, RejectionOf(envelope, otherVersion));
    }

    [Fact]
    public void A_payload_length_near_uint_max_is_refused_without_overflow()
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);
        var lengthAt = sealedMeta.Length - Payload.Length - 32 - 4;

        foreach (var length in new uint[] { uint.MaxValue, uint.MaxValue - 31, int.MaxValue, (uint)int.MaxValue + 1 })
        {
            var tampered = (byte[])sealedMeta.Clone();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(tampered.AsSpan(lengthAt), length);
            Assert.Equal(ResourceMetaRejectionReason.Truncated, RejectionOf(envelope, tampered));
        }
    }

    [Fact]
    public void Zero_or_over_long_length_prefixes_are_malformed()
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);

        var noKeyId = (byte[])sealedMeta.Clone();
        noKeyId[5] = 0;
        var longKeyId = (byte[])sealedMeta.Clone();
        longKeyId[5] = ResourceMetaEnvelopeOptions.MaxKeyIdLength + 1;
        var noTaskType = (byte[])sealedMeta.Clone();
        noTaskType[6 + 2 + 8] = 0; // after the key id "k1" and the issued-at time

        Assert.Equal(ResourceMetaRejectionReason.Malformed, RejectionOf(envelope, noKeyId));
        Assert.Equal(ResourceMetaRejectionReason.Malformed, RejectionOf(envelope, longKeyId));
        Assert.Equal(ResourceMetaRejectionReason.Malformed, RejectionOf(envelope, noTaskType));
    }

    [Fact]
    public void Random_bytes_are_only_ever_refused()
    {
        var envelope = Primary();
        var sealedMeta = SealSample(envelope);
        var random = new Random(20260301);

        for (var i = 0; i < 10_000; i++)
        {
            var input = (i % 4) switch
            {
                // Noise of any length.
                0 => Noise(random, random.Next(0, 300)),

                // Noise behind a valid magic and version, to reach the length fields.
                1 => [.. "APGM"u8, 1, .. Noise(random, random.Next(0, 300))],

                // A genuine meta with a few bytes altered, cut or extended.
                _ => Mutate(random, sealedMeta),
            };

            Assert.False(envelope.TryOpen(input, out _, out var rejection));
            Assert.NotEqual(ResourceMetaRejectionReason.None, rejection);
            var thrown = Record.Exception(() => envelope.Open(input));
            var refused = Assert.IsType<ResourceMetaRejectedException>(thrown);
            Assert.Equal(rejection, refused.Reason);
        }
    }

    private static byte[] Flip(byte[] meta, int index)
    {
        var copy = (byte[])meta.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static byte[] Noise(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] meta)
    {
        var copy = (byte[])meta.Clone();
        var positions = new HashSet<int>();
        var changes = random.Next(1, 5);
        while (positions.Count < changes)
        {
            positions.Add(random.Next(copy.Length));
        }

        // Distinct positions, each XORed with a non-zero value, so no change undoes another.
        foreach (var position in positions)
        {
            copy[position] ^= (byte)random.Next(1, 256);
        }

        return random.Next(3) switch
        {
            0 => copy[..random.Next(copy.Length)],
            1 => [.. copy, .. Noise(random, random.Next(1, 40))],
            _ => copy,
        };
    }
}
