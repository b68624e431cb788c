using Microsoft.Extensions.Options;

namespace AsyncPluginGen.Flyte.Meta;

/// <summary>
/// Checks <see cref="ResourceMetaEnvelopeOptions"/> at start-up, with messages that say what is wrong and how to fix
/// it. The messages name the key ids but never the keys.
/// </summary>
public sealed class ResourceMetaEnvelopeOptionsValidator : IValidateOptions<ResourceMetaEnvelopeOptions>
{
    private const string GenerateKeyHint = "generate one with `openssl rand -base64 32`";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ResourceMetaEnvelopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = GetErrors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// The problems with <paramref name="options"/>, one sentence each; empty when they are valid. Options that nest
    /// these (as the agent's do) call this from their own validator, passing where the section lives.
    /// </summary>
    /// <param name="options">The options to check.</param>
    /// <param name="sectionPath">The configuration path the messages name, <see cref="ResourceMetaEnvelopeOptions.SectionName"/> by default.</param>
    public static IReadOnlyList<string> GetErrors(ResourceMetaEnvelopeOptions options, string sectionPath = ResourceMetaEnvelopeOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sectionPath);
        var errors = new List<string>();

        if (options.MaxBytes < ResourceMetaEnvelopeOptions.MaxBytesLowerBound || options.MaxBytes > ResourceMetaEnvelopeOptions.MaxBytesUpperBound)
        {
            errors.Add(
                $"{sectionPath}:MaxBytes is {options.MaxBytes}, but it must be between {ResourceMetaEnvelopeOptions.MaxBytesLowerBound} and " +
                $"{ResourceMetaEnvelopeOptions.MaxBytesUpperBound} (1 MiB); the default is {ResourceMetaEnvelopeOptions.DefaultMaxBytes} (64 KiB). " +
                "Propeller stores resource_meta in the workflow's resource in etcd, so keep it small.");
        }

        var keys = options.Keys;
        if (keys is null || keys.Count == 0)
        {
            errors.Add(
                $"{sectionPath}:Keys has no signing key, so resource_meta cannot be signed. Add one, for example " +
                $"{sectionPath}:Keys:k1 = <key>, and set {sectionPath}:ActiveKeyId = k1; {GenerateKeyHint}. Every replica needs the same keys.");
        }
        else
        {
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (id, key) in keys.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (!SigningKeyRing.IsValidKeyId(id))
                {
                    errors.Add(
                        $"{sectionPath}:Keys has a key id '{Printable(id)}' that is not 1 to {ResourceMetaEnvelopeOptions.MaxKeyIdLength} characters of " +
                        "A-Z a-z 0-9 . _ -; rename it (for example k1, 2026-01).");
                    continue;
                }

                if (seen.TryGetValue(id, out var other))
                {
                    errors.Add($"{sectionPath}:Keys has key ids '{other}' and '{id}' that differ only in case; keep one, because configuration keys are not case-sensitive everywhere.");
                }

                seen[id] = id;
                if (SigningKeyRing.DescribeKeyProblem(key) is { } problem)
                {
                    errors.Add($"{sectionPath}:Keys:{id} {problem}; {GenerateKeyHint}.");
                }
            }

            if (string.IsNullOrEmpty(options.ActiveKeyId))
            {
                errors.Add(
                    $"{sectionPath}:ActiveKeyId is not set: set it to the id of the key that signs, one of " +
                    $"{string.Join(", ", keys.Keys.Where(SigningKeyRing.IsValidKeyId).OrderBy(k => k, StringComparer.Ordinal))}.");
            }
            else if (!keys.ContainsKey(options.ActiveKeyId))
            {
                errors.Add(
                    $"{sectionPath}:ActiveKeyId is '{Printable(options.ActiveKeyId)}', but {sectionPath}:Keys has no key with that id; add the key " +
                    "under that id, or set ActiveKeyId to one of the listed ids.");
            }
        }

        return errors;
    }

    /// <summary>Shows a configured id safely in a message: long or odd ids are clipped and control characters replaced.</summary>
    private static string Printable(string value)
    {
        var clipped = value.Length > 40 ? value[..40] + "…" : value;
        return string.Create(clipped.Length, clipped, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}
