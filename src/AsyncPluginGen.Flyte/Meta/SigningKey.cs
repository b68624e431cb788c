namespace AsyncPluginGen.Flyte.Meta;

/// <summary>
/// One signing key: its id as text (for results), as ASCII bytes (for matching the envelope's bytes without decoding
/// them), and the key bytes. Deliberately not a record, so no generated <c>ToString</c> ever prints a member.
/// </summary>
internal sealed class SigningKey(string id, byte[] idBytes, byte[] key)
{
    /// <summary>The key id, as configured.</summary>
    public string Id { get; } = id;

    /// <summary>The key id in ASCII, as the envelope carries it.</summary>
    public byte[] IdBytes { get; } = idBytes;

    /// <summary>The secret.</summary>
    public byte[] Key { get; } = key;
}
