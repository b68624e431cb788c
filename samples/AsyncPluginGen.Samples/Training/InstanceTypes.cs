using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AsyncPluginGen.Samples.Training;

/// <summary>SageMaker's ML instance types: <c>ml.&lt;family&gt;.&lt;size&gt;</c>, such as <c>ml.g5.2xlarge</c>.</summary>
public static partial class InstanceTypes
{
    /// <summary>Whether <paramref name="instanceType"/> has the form of an ML instance type.</summary>
    /// <param name="instanceType">The instance type.</param>
    /// <returns>True when it does.</returns>
    public static bool IsValid([NotNullWhen(true)] string? instanceType) => instanceType is not null && Pattern().IsMatch(instanceType);

    /// <summary>
    /// Whether the instance type has accelerators (GPU: <c>p</c> and <c>g</c> families; Trainium: <c>trn</c>; Gaudi:
    /// <c>dl</c>). Graviton families put their <c>g</c> last (<c>m6g</c>), so the first letters decide.
    /// </summary>
    /// <param name="instanceType">The instance type.</param>
    /// <returns>True for accelerated families; false for CPU ones and for anything that is not an ML instance type.</returns>
    public static bool IsAccelerated(string? instanceType)
    {
        if (!IsValid(instanceType))
        {
            return false;
        }

        var family = instanceType.AsSpan(3, instanceType.IndexOf('.', 3) - 3);
        return family[0] is 'p' or 'g' || family.StartsWith("trn", StringComparison.Ordinal) || family.StartsWith("dl", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^ml\.[a-z0-9]+\.[a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
