namespace AsyncPluginGen;

/// <summary>The task's secret provider, marking every value it hands out as a secret of the task.</summary>
internal sealed class MarkingSecretProvider(ISecretProvider inner, TaskContext task) : ISecretProvider
{
    public async ValueTask<string> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        var value = await inner.GetSecretAsync(name, cancellationToken).ConfigureAwait(false);
        task.MarkSecret(value);
        return value;
    }
}
