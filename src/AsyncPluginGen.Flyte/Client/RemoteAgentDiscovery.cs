using Flyteidl.Admin;
using Flyteidl.Service;
using Grpc.Core;

namespace AsyncPluginGen.Flyte.Client;

/// <summary>
/// What a remote agent says it serves, from ListAgents, refreshed every <see cref="RemoteAgentOptions.PollInterval"/>
/// as propeller does. An agent that does not implement ListAgents is taken to serve the configured categories
/// asynchronously (propeller's fallback). A failed refresh keeps the last answer.
/// </summary>
public sealed class RemoteAgentDiscovery : IAsyncDisposable, IDisposable
{
    private readonly AgentMetadataService.AgentMetadataServiceClient _client;
    private readonly RemoteAgentOptions _options;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly ITimer _timer;
    private volatile Snapshot? _snapshot;

    /// <summary>Starts discovery.</summary>
    /// <param name="client">The agent's metadata client.</param>
    /// <param name="options">The agent's options.</param>
    /// <param name="time">The clock of the refresh timer.</param>
    public RemoteAgentDiscovery(AgentMetadataService.AgentMetadataServiceClient client, RemoteAgentOptions options, TimeProvider time)
    {
        _client = client;
        _options = options;
        _timer = time.CreateTimer(_ => _ = RefreshQuietlyAsync(), null, options.PollInterval, options.PollInterval);
    }

    /// <summary>Raised after each ListAgents answer is taken in (for monitoring and tests).</summary>
    public event Action? Refreshed;

    /// <summary>The number of ListAgents answers taken in so far.</summary>
    public int Refreshes { get; private set; }

    /// <summary>Whether the agent runs a category synchronously; lists the agent first if it never has been.</summary>
    /// <param name="taskType">The task type.</param>
    /// <param name="version">Its version.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True for a sync category.</returns>
    /// <exception cref="RemoteAgentCallException">The agent could not be listed (transient).</exception>
    /// <exception cref="ArgumentException">
    /// The agent does not serve the category. An argument error, so the host knows the Create that asked created nothing.
    /// </exception>
    public async ValueTask<bool> IsSyncAsync(string taskType, int version, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot ?? await RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.Categories is null)
        {
            return false;
        }

        if (snapshot.Categories.TryGetValue((taskType, version), out var isSync))
        {
            return isSync;
        }

        throw new ArgumentException(
            $"The Flyte agent at {_options.Endpoint} does not serve task category '{taskType} v{version}'; it serves: "
            + (snapshot.Categories.Count == 0 ? "nothing" : string.Join(", ", snapshot.Categories.Keys.Select(k => $"{k.TaskType} v{k.Version}").Order(StringComparer.Ordinal))) + ".");
    }

    /// <summary>Lists the agent's categories now.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the answer is taken in.</returns>
    public async Task RefreshNowAsync(CancellationToken cancellationToken) => await RefreshAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        _refreshing.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timer.Dispose();
        _refreshing.Dispose();
    }

    private async Task RefreshQuietlyAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The last answer stays; the next tick, or the next Create, tries again.
        }
    }

    private async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ListAgentsResponse response;
            try
            {
                response = await _client.ListAgentsAsync(
                    new ListAgentsRequest(),
                    deadline: DateTime.UtcNow + _options.TimeoutOf("ListAgents"),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unimplemented)
            {
                return _snapshot = new Snapshot(null);
            }
            catch (RpcException exception) when (RemoteAgentCallException.IsTransient(exception.StatusCode))
            {
                throw new RemoteAgentCallException("ListAgents", _options.Endpoint!, exception);
            }

            var categories = new Dictionary<(string TaskType, int Version), bool>();
            foreach (var agent in response.Agents)
            {
                foreach (var category in agent.SupportedTaskCategories)
                {
                    categories[(category.Name, category.Version)] = agent.IsSync;
                }
            }

            Refreshes++;
            _snapshot = new Snapshot(categories);
            Refreshed?.Invoke();
            return _snapshot;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>One ListAgents answer; null categories when the agent does not implement ListAgents.</summary>
    private sealed record Snapshot(Dictionary<(string TaskType, int Version), bool>? Categories);
}
