using System.Globalization;
using System.Text;

namespace AsyncPluginGen;

/// <summary>Identifies one attempt of one task in one workflow execution (Flyte's <c>TaskExecutionID</c>).</summary>
/// <param name="Project">The project.</param>
/// <param name="Domain">The domain, for example <c>development</c>.</param>
/// <param name="ExecutionName">The workflow execution's name.</param>
/// <param name="NodeId">The node within the workflow.</param>
/// <param name="RetryAttempt">The attempt number, from 0.</param>
/// <remarks>
/// <para>
/// Every part is validated when it is set (by the constructor or by <see langword="with"/>): the four text parts are
/// not empty or white space, at most <see cref="MaxPartLength"/> characters, do not begin or end with <c>-</c>, and
/// hold no control characters and no unpaired surrogates; <paramref name="RetryAttempt"/> is not negative. A violation is an
/// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> names the part.
/// </para>
/// <para>
/// <see cref="GeneratedName"/> joins the parts with a single <c>-</c> after doubling every <c>-</c> inside a part; since
/// no part begins or ends with <c>-</c>, a lone <c>-</c> is always a separator, so distinct identities always give
/// distinct names. A name whose parts hold no <c>-</c> is the plain join (<c>flytesnacks-development-f3a9c2-n0-0</c>),
/// and no character is added that a remote service accepting the parts would refuse (no <c>%</c>, nothing a URL decodes).
/// </para>
/// </remarks>
public sealed record TaskExecutionId(string Project, string Domain, string ExecutionName, string NodeId, int RetryAttempt = 0)
{
    /// <summary>
    /// The longest a text part may be, in UTF-16 characters: four times Flyte's own 63-character names, so any
    /// identity Flyte produces fits, while a runaway input cannot become a multi-megabyte idempotency key.
    /// </summary>
    public const int MaxPartLength = 256;

    /// <summary>
    /// The longest a <see cref="GeneratedName"/> can be: four parts of <see cref="MaxPartLength"/> characters with every
    /// <c>-</c> doubled, four separators and a ten-digit attempt.
    /// </summary>
    public const int MaxGeneratedNameLength = (4 * ((2 * MaxPartLength) - 2)) + 4 + 10;

    private const char Separator = '-';
    private const int ShownValueLength = 64;

    private readonly string _project = ValidPart(Project, nameof(Project));
    private readonly string _domain = ValidPart(Domain, nameof(Domain));
    private readonly string _executionName = ValidPart(ExecutionName, nameof(ExecutionName));
    private readonly string _nodeId = ValidPart(NodeId, nameof(NodeId));
    private readonly int _retryAttempt = ValidAttempt(RetryAttempt);

    /// <summary>The project.</summary>
    /// <exception cref="ArgumentException">The value breaks the rules for a part (see the type's remarks).</exception>
    public string Project { get => _project; init => _project = ValidPart(value, nameof(Project)); }

    /// <summary>The domain, for example <c>development</c>.</summary>
    /// <exception cref="ArgumentException">The value breaks the rules for a part (see the type's remarks).</exception>
    public string Domain { get => _domain; init => _domain = ValidPart(value, nameof(Domain)); }

    /// <summary>The workflow execution's name.</summary>
    /// <exception cref="ArgumentException">The value breaks the rules for a part (see the type's remarks).</exception>
    public string ExecutionName { get => _executionName; init => _executionName = ValidPart(value, nameof(ExecutionName)); }

    /// <summary>The node within the workflow.</summary>
    /// <exception cref="ArgumentException">The value breaks the rules for a part (see the type's remarks).</exception>
    public string NodeId { get => _nodeId; init => _nodeId = ValidPart(value, nameof(NodeId)); }

    /// <summary>The attempt number, from 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int RetryAttempt { get => _retryAttempt; init => _retryAttempt = ValidAttempt(value); }

    /// <summary>
    /// A name unique to this attempt, stable across restarts (Flyte's <c>GetGeneratedName</c>). Plugins use it
    /// as the idempotency key of Create; the host uses it as the cache key and the quota token.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <c>{Project}-{Domain}-{ExecutionName}-{NodeId}-{RetryAttempt}</c>, where each <c>-</c> inside a text part is
    /// doubled, so the name is injective: <c>("a-b", "c", …)</c> gives <c>a--b-c-…</c> and <c>("a", "b-c", …)</c> gives
    /// <c>a-b--c-…</c>. Parts without <c>-</c> appear as they are.
    /// At most <see cref="MaxGeneratedNameLength"/> characters.
    /// </para>
    /// <para>Computed on each read, so a copy made with <see langword="with"/> never reports a stale name.</para>
    /// </remarks>
    public string GeneratedName
    {
        get
        {
            if (!_project.Contains(Separator, StringComparison.Ordinal) && !_domain.Contains(Separator, StringComparison.Ordinal)
                && !_executionName.Contains(Separator, StringComparison.Ordinal) && !_nodeId.Contains(Separator, StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{_project}-{_domain}-{_executionName}-{_nodeId}-{_retryAttempt}");
            }

            var name = new StringBuilder(_project.Length + _domain.Length + _executionName.Length + _nodeId.Length + 32);
            AppendEscaped(name, _project).Append(Separator);
            AppendEscaped(name, _domain).Append(Separator);
            AppendEscaped(name, _executionName).Append(Separator);
            AppendEscaped(name, _nodeId).Append(Separator);
            return name.Append(_retryAttempt.ToString(CultureInfo.InvariantCulture)).ToString();
        }
    }

    /// <inheritdoc />
    public override string ToString() => GeneratedName;

    private static StringBuilder AppendEscaped(StringBuilder name, string part)
    {
        foreach (var c in part)
        {
            _ = c == Separator ? name.Append(Separator, 2) : name.Append(c);
        }

        return name;
    }

    private static int ValidAttempt(int value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(RetryAttempt), value, $"TaskExecutionId.RetryAttempt is {value.ToString(CultureInfo.InvariantCulture)}: the attempt number counts from 0.");
        }

        return value;
    }

    private static string ValidPart(string value, string part)
    {
        ArgumentNullException.ThrowIfNull(value, part);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(part, value, "it must not be empty or white space");
        }

        if (value[0] == Separator || value[^1] == Separator)
        {
            throw Invalid(part, value, "it must not begin or end with '-' (a lone '-' separates the parts of the unique name)");
        }

        if (value.Length > MaxPartLength)
        {
            throw Invalid(part, value, string.Create(CultureInfo.InvariantCulture,
                $"it has {value.Length} characters, more than the {MaxPartLength} a part may have (the unique name is the remote services' idempotency key)"));
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                throw Invalid(part, value, string.Create(CultureInfo.InvariantCulture,
                    $"it contains the control character U+{(int)c:X4} at index {i}; a part may contain no control characters"));
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                throw Invalid(part, value, string.Create(CultureInfo.InvariantCulture,
                    $"it contains an unpaired surrogate U+{(int)c:X4} at index {i}; a part must be well-formed Unicode"));
            }
        }

        return value;
    }

    private static ArgumentException Invalid(string part, string value, string rule) =>
        new($"TaskExecutionId.{part} {Show(value)} is not valid: {rule}.", part);

    /// <summary>The value as it may be shown in a message: quoted, cut to a few dozen characters, control characters and surrogates as <c>\uXXXX</c>.</summary>
    private static string Show(string value)
    {
        var shown = new StringBuilder(Math.Min(value.Length, ShownValueLength) + 16).Append('\'');
        for (var i = 0; i < value.Length && i < ShownValueLength; i++)
        {
            var c = value[i];
            _ = char.IsControl(c) || char.IsSurrogate(c)
                ? shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")
                : shown.Append(c);
        }

        shown.Append('\'');
        return value.Length > ShownValueLength
            ? shown.Append(CultureInfo.InvariantCulture, $" (first {ShownValueLength} of {value.Length} characters)").ToString()
            : shown.ToString();
    }
}
