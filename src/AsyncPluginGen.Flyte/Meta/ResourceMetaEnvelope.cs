using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace AsyncPluginGen.Flyte.Meta;

/// <summary>
/// Seals a plugin's ResourceMeta payload into the signed, versioned <c>resource_meta</c> that CreateTask returns, and
/// opens (verifies) the <c>resource_meta</c> that propeller hands back on GetTask and DeleteTask. The meta is the
/// agent's only state, and it comes back as untrusted input: a meta this agent did not seal, or one altered since, is
/// refused before any plugin sees it. Any replica built from the same keys opens what any other sealed.
/// </summary>
/// <remarks>
/// <para>Format version 1 (all integers big-endian; the whole envelope is at most <see cref="MaxBytes"/>):</para>
/// <code>
/// offset       size  field
/// 0            4     magic "APGM" (41 50 47 4D)
/// 4            1     format version, 1
/// 5            1     key id length K, 1..32
/// 6            K     key id, ASCII (A-Z a-z 0-9 . _ -)
/// 6+K          8     issued at, Unix seconds, int64
/// 14+K         1     task type length T, 1..255
/// 15+K         T     task type, UTF-8
/// 15+K+T       4     task type version, int32
/// 19+K+T       4     payload length P, uint32
/// 23+K+T       P     payload (the plugin's ResourceMeta, UTF-8 JSON)
/// 23+K+T+P     32    HMAC-SHA256 with key K over bytes [0, 23+K+T+P)
/// </code>
/// <para>
/// The signature covers every byte before it, the task category included, so a meta issued for one plugin cannot be
/// passed off as another's; <see cref="EnsureTaskCategory"/> compares the signed category with the request's. Nothing
/// may follow the signature. The payload is signed, not encrypted: anyone who can read the workflow can read it.
/// </para>
/// <para>
/// Opening checks, in order: size (before reading any byte), magic, version, the length fields (every one bounded by
/// the bytes that remain), the key id, then the signature in constant time; only a verified envelope's text is decoded.
/// An instance is immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class ResourceMetaEnvelope
{
    /// <summary>The format version this build writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The longest task type the envelope carries, in UTF-8 bytes.</summary>
    public const int MaxTaskTypeBytes = byte.MaxValue;

    private const int MacSize = HMACSHA256.HashSizeInBytes;

    // The Unix seconds DateTimeOffset can represent; FromUnixTimeSeconds throws outside them.
    private const long MinUnixSeconds = -62_135_596_800L;
    private const long MaxUnixSeconds = 253_402_300_799L;

    // magic, version, key id length, issued at, task type length, task type version, payload length, signature.
    private const int FixedOverhead = 4 + 1 + 1 + 8 + 1 + 4 + 4 + MacSize;

    // Throws on unpaired surrogates instead of silently sealing U+FFFD, so the sealed type is the type asked for.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SigningKeyRing _keys;
    private readonly TimeProvider _time;

    /// <summary>Creates an envelope from a snapshot of <paramref name="options"/>, on the system clock.</summary>
    /// <param name="options">The keys and size limit; later changes to the object are not seen.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the messages say how to fix them.</exception>
    public ResourceMetaEnvelope(ResourceMetaEnvelopeOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Creates an envelope from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="options">The keys and size limit; later changes to the object are not seen.</param>
    /// <param name="timeProvider">The clock that stamps <see cref="OpenedResourceMeta.IssuedAt"/>.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the messages say how to fix them.</exception>
    public ResourceMetaEnvelope(ResourceMetaEnvelopeOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = SigningKeyRing.From(options);
        _time = timeProvider;
        MaxBytes = options.MaxBytes;
    }

    /// <summary>The largest envelope sealed or opened, in bytes.</summary>
    public int MaxBytes { get; }

    /// <summary>The id of the key that signs.</summary>
    public string ActiveKeyId => _keys.Active.Id;

    /// <summary>Seals <paramref name="payload"/> for the task category <paramref name="taskType"/> at <paramref name="taskTypeVersion"/>, signed with the active key.</summary>
    /// <param name="taskType">The task category name (the template's task type); 1 to 255 bytes of UTF-8.</param>
    /// <param name="taskTypeVersion">The task category version.</param>
    /// <param name="payload">The plugin's serialized ResourceMeta.</param>
    /// <returns>The envelope, to return as <c>resource_meta</c>.</returns>
    /// <exception cref="ArgumentException">The task type is empty, too long or not valid text, or the envelope would exceed <see cref="MaxBytes"/>.</exception>
    public byte[] Seal(string taskType, int taskTypeVersion, ReadOnlySpan<byte> payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskType);
        int taskTypeBytes;
        try
        {
            taskTypeBytes = StrictUtf8.GetByteCount(taskType);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException("The task type is not valid text: it has an unpaired surrogate.", nameof(taskType));
        }

        if (taskTypeBytes > MaxTaskTypeBytes)
        {
            throw new ArgumentException($"The task type is {taskTypeBytes} bytes of UTF-8; the envelope carries at most {MaxTaskTypeBytes}.", nameof(taskType));
        }

        var key = _keys.Active;
        var total = (long)FixedOverhead + key.IdBytes.Length + taskTypeBytes + payload.Length;
        if (total > MaxBytes)
        {
            throw new ArgumentException(
                $"the sealed resource_meta would be {total} bytes (a ResourceMeta of {payload.Length} bytes), more than the {MaxBytes} bytes " +
                $"{ResourceMetaEnvelopeOptions.SectionName}:MaxBytes allows");
        }

        var envelope = new byte[total];
        var span = envelope.AsSpan();
        var position = 0;
        Magic.CopyTo(span);
        position += Magic.Length;
        span[position++] = FormatVersion;
        span[position++] = (byte)key.IdBytes.Length;
        key.IdBytes.CopyTo(span[position..]);
        position += key.IdBytes.Length;
        BinaryPrimitives.WriteInt64BigEndian(span[position..], _time.GetUtcNow().ToUnixTimeSeconds());
        position += sizeof(long);
        span[position++] = (byte)taskTypeBytes;
        position += StrictUtf8.GetBytes(taskType, span.Slice(position, taskTypeBytes));
        BinaryPrimitives.WriteInt32BigEndian(span[position..], taskTypeVersion);
        position += sizeof(int);
        BinaryPrimitives.WriteUInt32BigEndian(span[position..], (uint)payload.Length);
        position += sizeof(uint);
        payload.CopyTo(span[position..]);
        position += payload.Length;
        key.ComputeMac(span[..position], span[position..]);
        return envelope;
    }

    /// <summary>Verifies and opens an envelope; refuses, without throwing, anything this agent did not seal unaltered.</summary>
    /// <param name="envelope">The <c>resource_meta</c> from the request; untrusted.</param>
    /// <param name="opened">The verified contents, when accepted.</param>
    /// <param name="rejection">Why it was refused; <see cref="ResourceMetaRejectionReason.None"/> when accepted.</param>
    /// <returns>Whether the envelope was accepted.</returns>
    public bool TryOpen(ReadOnlySpan<byte> envelope, [NotNullWhen(true)] out OpenedResourceMeta? opened, out ResourceMetaRejectionReason rejection)
    {
        opened = null;
        rejection = Verify(envelope, out var fields);
        if (rejection != ResourceMetaRejectionReason.None)
        {
            return false;
        }

        // Signed, so written by a holder of the key; checked anyway, so that no input can make opening throw.
        var taskType = envelope.Slice(fields.TaskTypeOffset, fields.TaskTypeLength);
        if (!Utf8.IsValid(taskType) || fields.IssuedAtSeconds < MinUnixSeconds || fields.IssuedAtSeconds > MaxUnixSeconds)
        {
            rejection = ResourceMetaRejectionReason.Malformed;
            return false;
        }

        opened = new OpenedResourceMeta(
            Encoding.UTF8.GetString(taskType),
            fields.TaskTypeVersion,
            fields.Key.Id,
            DateTimeOffset.FromUnixTimeSeconds(fields.IssuedAtSeconds),
            envelope.Slice(fields.PayloadOffset, fields.PayloadLength).ToArray());
        return true;
    }

    /// <summary>Verifies and opens an envelope.</summary>
    /// <param name="envelope">The <c>resource_meta</c> from the request; untrusted.</param>
    /// <returns>The verified contents.</returns>
    /// <exception cref="ResourceMetaRejectedException">The envelope was refused; its message is safe to send to the client.</exception>
    public OpenedResourceMeta Open(ReadOnlySpan<byte> envelope)
    {
        if (TryOpen(envelope, out var opened, out var rejection))
        {
            return opened;
        }

        throw rejection == ResourceMetaRejectionReason.TooLarge
            ? new ResourceMetaRejectedException(rejection, $"resource_meta is {envelope.Length} bytes, more than the {MaxBytes} bytes this agent accepts, so it cannot be one this agent issued.")
            : new ResourceMetaRejectedException(rejection);
    }

    /// <summary>Verifies and opens an envelope, and checks it was issued for the task category the request names.</summary>
    /// <param name="envelope">The <c>resource_meta</c> from the request; untrusted.</param>
    /// <param name="expectedTaskType">The task category name the request names.</param>
    /// <param name="expectedTaskTypeVersion">The task category version the request names.</param>
    /// <returns>The verified contents.</returns>
    /// <exception cref="ResourceMetaRejectedException">The envelope was refused, or was issued for another category.</exception>
    public OpenedResourceMeta Open(ReadOnlySpan<byte> envelope, string expectedTaskType, int expectedTaskTypeVersion)
    {
        var opened = Open(envelope);
        EnsureTaskCategory(opened, expectedTaskType, expectedTaskTypeVersion);
        return opened;
    }

    /// <summary>
    /// Refuses a verified meta that was issued for another task category than the request names: the signature proves
    /// who sealed the meta, and this check proves which plugin it was sealed for.
    /// </summary>
    /// <param name="opened">The verified meta.</param>
    /// <param name="expectedTaskType">The task category name the request names.</param>
    /// <param name="expectedTaskTypeVersion">The task category version the request names.</param>
    /// <exception cref="ResourceMetaRejectedException">With <see cref="ResourceMetaRejectionReason.WrongTaskCategory"/>, when the categories differ.</exception>
    public static void EnsureTaskCategory(OpenedResourceMeta opened, string expectedTaskType, int expectedTaskTypeVersion)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(expectedTaskType);
        if (!opened.IsFor(expectedTaskType, expectedTaskTypeVersion))
        {
            // Both names are safe to show: the request's is the client's own, and the meta's is signed text the client holds.
            throw new ResourceMetaRejectedException(
                ResourceMetaRejectionReason.WrongTaskCategory,
                $"resource_meta was issued for task category '{opened.TaskType}' version {opened.TaskTypeVersion}, not for '{expectedTaskType}' version {expectedTaskTypeVersion} named by the request.");
        }
    }

    /// <summary>The magic bytes that open every envelope.</summary>
    internal static ReadOnlySpan<byte> Magic => "APGM"u8;

    /// <summary>Checks size, structure, key and signature, reading nothing outside the bounds already checked.</summary>
    private ResourceMetaRejectionReason Verify(ReadOnlySpan<byte> envelope, out EnvelopeFields fields)
    {
        fields = default;
        if (envelope.IsEmpty)
        {
            return ResourceMetaRejectionReason.Empty;
        }

        // Before anything else, so an oversized meta costs no parsing and no hashing.
        if (envelope.Length > MaxBytes)
        {
            return ResourceMetaRejectionReason.TooLarge;
        }

        if (!envelope.StartsWith(Magic))
        {
            return envelope.Length < Magic.Length && Magic.StartsWith(envelope)
                ? ResourceMetaRejectionReason.Truncated
                : ResourceMetaRejectionReason.UnknownFormat;
        }

        var rest = envelope[Magic.Length..];
        if (rest.IsEmpty)
        {
            return ResourceMetaRejectionReason.Truncated;
        }

        if (rest[0] != FormatVersion)
        {
            return ResourceMetaRejectionReason.UnsupportedVersion;
        }

        rest = rest[1..];
        if (!TryTakeLengthPrefixed(ref rest, out var keyId, out var rejection, ResourceMetaEnvelopeOptions.MaxKeyIdLength)
            || !TryTake(ref rest, sizeof(long), out var issuedAt, out rejection)
            || !TryTakeLengthPrefixed(ref rest, out var taskType, out rejection, MaxTaskTypeBytes)
            || !TryTake(ref rest, sizeof(int), out var taskTypeVersion, out rejection)
            || !TryTake(ref rest, sizeof(uint), out var payloadLength32, out rejection))
        {
            return rejection;
        }

        // Compared in 64 bits: a length near uint.MaxValue must not wrap into a small one.
        var payloadLength = (ulong)BinaryPrimitives.ReadUInt32BigEndian(payloadLength32);
        if (payloadLength + MacSize > (ulong)rest.Length)
        {
            return ResourceMetaRejectionReason.Truncated;
        }

        if (payloadLength + MacSize < (ulong)rest.Length)
        {
            return ResourceMetaRejectionReason.Malformed;
        }

        if (_keys.Find(keyId) is not { } key)
        {
            return ResourceMetaRejectionReason.UnknownKey;
        }

        var signedLength = envelope.Length - MacSize;
        Span<byte> expected = stackalloc byte[MacSize];
        key.ComputeMac(envelope[..signedLength], expected);
        var genuine = CryptographicOperations.FixedTimeEquals(expected, envelope[signedLength..]);
        CryptographicOperations.ZeroMemory(expected);
        if (!genuine)
        {
            return ResourceMetaRejectionReason.BadSignature;
        }

        // The layout is fixed once the two lengths are known: magic, version, key id length, key id, issued at, task type length.
        var taskTypeOffset = Magic.Length + 1 + 1 + keyId.Length + sizeof(long) + 1;
        fields = new EnvelopeFields(
            key,
            BinaryPrimitives.ReadInt64BigEndian(issuedAt),
            taskTypeOffset,
            taskType.Length,
            BinaryPrimitives.ReadInt32BigEndian(taskTypeVersion),
            PayloadOffset: taskTypeOffset + taskType.Length + sizeof(int) + sizeof(uint),
            (int)payloadLength);
        return ResourceMetaRejectionReason.None;
    }

    /// <summary>Takes a one-byte length and that many bytes; a zero or over-long length is malformed.</summary>
    private static bool TryTakeLengthPrefixed(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> value, out ResourceMetaRejectionReason rejection, int maxLength)
    {
        value = default;
        if (!TryTake(ref rest, 1, out var length, out rejection))
        {
            return false;
        }

        if (length[0] == 0 || length[0] > maxLength)
        {
            rejection = ResourceMetaRejectionReason.Malformed;
            return false;
        }

        return TryTake(ref rest, length[0], out value, out rejection);
    }

    private static bool TryTake(ref ReadOnlySpan<byte> rest, int count, out ReadOnlySpan<byte> value, out ResourceMetaRejectionReason rejection)
    {
        if (rest.Length < count)
        {
            value = default;
            rejection = ResourceMetaRejectionReason.Truncated;
            return false;
        }

        value = rest[..count];
        rest = rest[count..];
        rejection = ResourceMetaRejectionReason.None;
        return true;
    }

    /// <summary>Where the fields of a verified envelope lie; offsets index the envelope.</summary>
    private readonly record struct EnvelopeFields(
        SigningKey Key,
        long IssuedAtSeconds,
        int TaskTypeOffset,
        int TaskTypeLength,
        int TaskTypeVersion,
        int PayloadOffset,
        int PayloadLength);
}
