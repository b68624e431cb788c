using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// Turns a task's unique name into a SageMaker training job name. SageMaker accepts at most 63 letters, digits and
/// inner hyphens, while Flyte's names may hold other characters and be longer.
/// </summary>
public static partial class TrainingJobNames
{
    private const int MaxLength = 63;
    private const int HashLength = 10;

    /// <summary>
    /// The job name for <paramref name="uniqueName"/>: the name itself when SageMaker accepts it; otherwise its
    /// letters and digits (other characters become hyphens), cut to fit, plus a hash of the whole name, so that two
    /// names differing only in what was replaced or cut still get different jobs. Always the same for the same input:
    /// the job name is Create's idempotency key.
    /// </summary>
    /// <param name="uniqueName">The task's unique name.</param>
    /// <returns>A valid training job name.</returns>
    public static string For(string uniqueName)
    {
        ArgumentException.ThrowIfNullOrEmpty(uniqueName);
        if (Valid().IsMatch(uniqueName))
        {
            return uniqueName;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uniqueName)))[..HashLength];
        var readable = new StringBuilder(uniqueName.Length);
        foreach (var c in uniqueName)
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var prefix = readable.ToString().Trim('-');
        prefix = prefix[..Math.Min(prefix.Length, MaxLength - HashLength - 1)].TrimEnd('-');
        return prefix.Length == 0 ? hash : prefix + "-" + hash;
    }

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Valid();
}
