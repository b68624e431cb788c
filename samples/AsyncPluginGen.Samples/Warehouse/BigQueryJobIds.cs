using System.Security.Cryptography;
using System.Text;

namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>BigQuery's rules for job ids: letters, digits, underscores and dashes, at most 1,024 characters.</summary>
internal static class BigQueryJobIds
{
    public const int MaxLength = 1024;

    // 16 hex digits: 64 bits of the name's hash, enough to keep apart the names one sanitization maps together.
    private const int HashLength = 16;

    public static bool IsValid(string id) => id.Length is > 0 and <= MaxLength && id.All(IsAllowed);

    /// <summary>
    /// The job id for <paramref name="name"/>: the name itself when BigQuery accepts it, so ids stay readable in the
    /// console. Otherwise other characters become '_' and a hash of the original name is appended, since replacing
    /// characters alone would give <c>a.b</c> and <c>a:b</c> the same id, and one task would adopt the other's job.
    /// </summary>
    public static string From(string name)
    {
        if (IsValid(name))
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0, HashLength / 2);
        var kept = Math.Min(name.Length, MaxLength - HashLength - 1);
        var id = new StringBuilder(kept + 1 + HashLength);
        foreach (var c in name.AsSpan(0, kept))
        {
            id.Append(IsAllowed(c) ? c : '_');
        }

        return id.Append('_').Append(hash).ToString();
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
