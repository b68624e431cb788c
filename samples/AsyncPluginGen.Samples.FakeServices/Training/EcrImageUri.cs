using System.Text.RegularExpressions;

namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>Reads Amazon ECR image URIs: <c>account.dkr.ecr.region.amazonaws.com/repository:tag</c> (or <c>@sha256:digest</c>).</summary>
internal static partial class EcrImageUri
{
    /// <summary>The form, for messages.</summary>
    public const string Form = "<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>";

    /// <summary>Whether <paramref name="image"/> is an ECR image URI with a tag or a digest.</summary>
    /// <param name="image">The image.</param>
    /// <returns>True when it is.</returns>
    public static bool IsValid(string image) => Pattern().IsMatch(image);

    [GeneratedRegex(@"^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com/[a-z0-9]+(?:[._/-][a-z0-9]+)*(?::[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
