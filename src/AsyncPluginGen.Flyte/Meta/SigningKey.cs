using System.Security.Cryptography;

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

    // One HMAC context per thread: the one-shot HMACSHA256.HashData sets up a new OpenSSL context on every call, which
    // costs about as much again as hashing a small meta (measured 1.2 µs against 0.6 µs for 172 bytes).
    private readonly ThreadLocal<IncrementalHash> _hmac = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));

    /// <summary>Computes the HMAC-SHA256 of <paramref name="data"/> into <paramref name="destination"/> (32 bytes).</summary>
    public void ComputeMac(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var hmac = _hmac.Value!;
        hmac.AppendData(data);
        hmac.GetHashAndReset(destination);
    }
}
