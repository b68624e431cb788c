namespace AsyncPluginGen.Flyte.Meta;

/// <summary>
/// The signing keys and size limit of the <c>resource_meta</c> envelope; bound from <see cref="SectionName"/>.
/// Every replica of an agent must have the same keys, because propeller may send a meta to any replica.
/// </summary>
/// <remarks>
/// <para>
/// Rotation: add the new key to <see cref="Keys"/> on every replica; then set <see cref="ActiveKeyId"/> to it on every
/// replica; then, once the longest-running task sealed with the old key has finished, remove the old key. Every listed
/// key verifies; only the active key signs.
/// </para>
/// <para>Check the values with <see cref="ResourceMetaEnvelopeOptionsValidator"/>.</para>
/// </remarks>
public sealed class ResourceMetaEnvelopeOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "FlyteAgent:ResourceMeta";

    /// <summary>The default of <see cref="MaxBytes"/>: 64 KiB.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>The smallest <see cref="MaxBytes"/> allowed: 256 bytes, enough for the envelope's own fields.</summary>
    public const int MaxBytesLowerBound = 256;

    /// <summary>The largest <see cref="MaxBytes"/> allowed: 1 MiB.</summary>
    public const int MaxBytesUpperBound = 1024 * 1024;

    /// <summary>The shortest signing key, in decoded bytes: 32, the output size of HMAC-SHA256.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>The longest key id, in characters.</summary>
    public const int MaxKeyIdLength = 32;

    /// <summary>
    /// The largest envelope, in bytes, that is sealed or opened; larger ones are refused before any parsing. Default
    /// 64 KiB; allowed 256 bytes to 1 MiB. Propeller stores the meta in the workflow CRD in etcd, so it should stay small.
    /// </summary>
    public int MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// The signing keys: key id (1 to 32 characters of <c>A-Z a-z 0-9 . _ -</c>) to key (base64, at least 32 bytes
    /// once decoded; generate one with <c>openssl rand -base64 32</c>). All listed keys verify.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The id of the key in <see cref="Keys"/> that signs new metas.</summary>
    public string? ActiveKeyId { get; set; }
}
