namespace AsyncPluginGen;

/// <summary>Gives a task the secrets it was granted (Flyte's <c>SecretManager</c>).</summary>
public interface ISecretProvider
{
    /// <summary>Reads a secret.</summary>
    /// <param name="name">The secret's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The secret's value.</returns>
    /// <exception cref="KeyNotFoundException">The secret is not available to this task.</exception>
    ValueTask<string> GetSecretAsync(string name, CancellationToken cancellationToken = default);
}
