using AsyncPluginGen.Flyte.Agent;

namespace AsyncPluginGen.Flyte.Tests.Infrastructure;

/// <summary>Signing keys for tests: fixed, so two servers ("replicas") share them.</summary>
public static class TestKeys
{
    public const string PrimaryId = "k1";
    public const string PrimaryKey = "c2lnbmluZy1rZXktb25lLWZvci10aGUtdGVzdHMtMDAwMDAwMDA=";
    public const string SecondaryId = "k2";
    public const string SecondaryKey = "c2lnbmluZy1rZXktdHdvLWZvci10aGUtdGVzdHMtMTExMTExMTE=";

    public static void UsePrimary(FlyteAgentOptions options)
    {
        options.ResourceMeta.Keys[PrimaryId] = PrimaryKey;
        options.ResourceMeta.ActiveKeyId = PrimaryId;
    }
}
