namespace AsyncPluginGen;

/// <summary>An <see cref="ISecretProvider"/> over a fixed set of name/value pairs.</summary>
/// <param name="secrets">The secrets, by name (ordinal comparison).</param>
public sealed class DictionarySecretProvider(IReadOnlyDictionary<string, string> secrets) : ISecretProvider
{
    private readonly Dictionary<string, string> _secrets = new(secrets, StringComparer.Ordinal);

    /// <summary>A provider that holds no secrets.</summary>
    public static DictionarySecretProvider Empty { get; } = new(new Dictionary<string, string>());

    /// <inheritdoc />
    public ValueTask<string> GetSecretAsync(string name, CancellationToken cancellationToken = default) =>
        _secrets.TryGetValue(name, out var value)
            ? ValueTask.FromResult(value)
            : ValueTask.FromException<string>(new KeyNotFoundException(
                $"Secret '{name}' is not available to this task. Grant it to the task, or give the host an ISecretProvider that holds it."));
}
