using System.Text;
using Microsoft.Extensions.Options;

namespace AsyncPluginGen.Flyte.Meta;

/// <summary>
/// An immutable copy of the configured signing keys, decoded once. A later change to the options object does not reach
/// an envelope already built, so a replica never signs with a key it was not started with.
/// </summary>
internal sealed class SigningKeyRing
{
    private readonly SigningKey[] _keys;

    private SigningKeyRing(SigningKey[] keys, SigningKey active)
    {
        _keys = keys;
        Active = active;
    }

    /// <summary>The key that signs.</summary>
    public SigningKey Active { get; }

    /// <summary>Decodes the keys of valid options; invalid options throw the validator's messages.</summary>
    public static SigningKeyRing From(ResourceMetaEnvelopeOptions options)
    {
        var errors = ResourceMetaEnvelopeOptionsValidator.GetErrors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(ResourceMetaEnvelopeOptions.SectionName, typeof(ResourceMetaEnvelopeOptions), errors);
        }

        var keys = options.Keys
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new SigningKey(pair.Key, Encoding.ASCII.GetBytes(pair.Key), Convert.FromBase64String(pair.Value)))
            .ToArray();
        return new SigningKeyRing(keys, keys.Single(key => key.Id == options.ActiveKeyId));
    }

    /// <summary>
    /// Finds the key whose id is <paramref name="id"/> (ASCII bytes, as the envelope carries it). A linear scan over a
    /// handful of keys, comparing bytes, so opening allocates no string for the id. Ids are not secret, so the comparison
    /// need not be constant-time.
    /// </summary>
    public SigningKey? Find(ReadOnlySpan<byte> id)
    {
        foreach (var key in _keys)
        {
            if (id.SequenceEqual(key.IdBytes))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="id"/> can name a key: 1 to 32 characters of <c>A-Z a-z 0-9 . _ -</c>.</summary>
    public static bool IsValidKeyId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > ResourceMetaEnvelopeOptions.MaxKeyIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What is wrong with a configured key, as the end of a sentence; null when it is usable.</summary>
    public static string? DescribeKeyProblem(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return "is empty";
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var length))
        {
            return "is not valid base64";
        }

        try
        {
            if (length < ResourceMetaEnvelopeOptions.MinKeyBytes)
            {
                return $"decodes to {length} bytes, but a key needs at least {ResourceMetaEnvelopeOptions.MinKeyBytes} random bytes";
            }

            // A key of one repeated byte (all zeros, "AAAA...") is a placeholder, not a secret.
            if (buffer.AsSpan(0, length).IndexOfAnyExcept(buffer[0]) < 0)
            {
                return "is one byte repeated, which looks like a placeholder rather than a random key";
            }

            return null;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
