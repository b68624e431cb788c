using AsyncPluginGen.Flyte.Meta;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using static AsyncPluginGen.Flyte.Tests.Meta.EnvelopeFixtures;

namespace AsyncPluginGen.Flyte.Tests.Meta;

/// <summary>Which keys verify, and the rotation procedure the docs describe.</summary>
public sealed class ResourceMetaEnvelopeKeyTests
{
    [Fact]
    public void A_meta_signed_under_a_key_id_the_agent_lacks_is_UnknownKey()
    {
        var sealedMeta = SealSample(Primary());
        var other = new ResourceMetaEnvelope(Options((TestKeys.SecondaryId, TestKeys.SecondaryKey)));

        Assert.Equal(ResourceMetaRejectionReason.UnknownKey, RejectionOf(other, sealedMeta));
        Assert.Equal(ResourceMetaRejectionReason.UnknownKey, Assert.Throws<ResourceMetaRejectedException>(() => other.Open(sealedMeta)).Reason);
    }

    [Fact]
    public void A_meta_signed_by_another_deployment_under_the_same_key_id_is_BadSignature()
    {
        var forger = new ResourceMetaEnvelope(Options((TestKeys.PrimaryId, RandomKey())));
        var forged = SealSample(forger);

        Assert.Equal(ResourceMetaRejectionReason.BadSignature, RejectionOf(Primary(), forged));
    }

    [Fact]
    public void Rotation_keeps_old_metas_valid_until_the_old_key_is_removed()
    {
        // Step 0: only the old key.
        var before = Primary();
        var oldMeta = SealSample(before);

        // Steps 1 and 2: the new key is added everywhere, then made active; the old key still verifies.
        var during = new ResourceMetaEnvelope(Options((TestKeys.SecondaryId, TestKeys.SecondaryKey), (TestKeys.PrimaryId, TestKeys.PrimaryKey)));
        Assert.Equal(TestKeys.SecondaryId, during.ActiveKeyId);
        var reopened = during.Open(oldMeta);
        Assert.Equal(TestKeys.PrimaryId, reopened.KeyId);
        Assert.Equal(Payload, reopened.Payload.ToArray());
        var newMeta = SealSample(during);
        Assert.Equal(TestKeys.SecondaryId, during.Open(newMeta).KeyId);

        // Step 3: the old key is removed; metas it signed are refused, new ones still open.
        var after = new ResourceMetaEnvelope(Options((TestKeys.SecondaryId, TestKeys.SecondaryKey)));
        Assert.Equal(ResourceMetaRejectionReason.UnknownKey, RejectionOf(after, oldMeta));
        Assert.Equal(Payload, after.Open(newMeta).Payload.ToArray());
    }

    [Fact]
    public void A_replica_not_yet_switched_opens_what_a_switched_replica_sealed()
    {
        // Mid-rollout of step 2: both replicas have both keys, only one signs with the new one.
        var switched = new ResourceMetaEnvelope(Options((TestKeys.SecondaryId, TestKeys.SecondaryKey), (TestKeys.PrimaryId, TestKeys.PrimaryKey)));
        var notYet = new ResourceMetaEnvelope(Options((TestKeys.PrimaryId, TestKeys.PrimaryKey), (TestKeys.SecondaryId, TestKeys.SecondaryKey)));

        Assert.Equal(TestKeys.SecondaryId, notYet.Open(SealSample(switched)).KeyId);
        Assert.Equal(TestKeys.PrimaryId, switched.Open(SealSample(notYet)).KeyId);
    }
}
