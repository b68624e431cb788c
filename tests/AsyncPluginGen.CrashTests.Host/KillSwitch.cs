using System.Diagnostics;

namespace AsyncPluginGen.CrashTests.Host;

/// <summary>
/// Where this run kills itself (SIGKILL, as the operating system would), told by <c>--kill create:N</c>,
/// <c>delete:N</c> or <c>save:N</c>: after the Nth Create request reached its service but before its answer is used,
/// after the Nth Delete request did, or in the middle of the Nth write of the task store.
/// </summary>
public sealed class KillSwitch(string? kind, int at)
{
    private int _count;

    public static KillSwitch Parse(string? spec)
    {
        if (spec is null)
        {
            return new KillSwitch(null, 0);
        }

        var parts = spec.Split(':');
        return new KillSwitch(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Counts an event of <paramref name="what"/>; kills the process when it is the chosen one.</summary>
    public void Reached(string what)
    {
        if (what == kind && Interlocked.Increment(ref _count) == at)
        {
            Console.Out.Flush();
            Process.GetCurrentProcess().Kill();
        }
    }
}

/// <summary>Lets each request reach its service, then tells the kill switch what it was.</summary>
public sealed class KillingHandler(KillSwitch kill) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method == HttpMethod.Post)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : request.RequestUri?.AbsolutePath ?? string.Empty;
            if (target.EndsWith("cancel", StringComparison.OrdinalIgnoreCase) || target.EndsWith("StopTrainingJob", StringComparison.Ordinal))
            {
                kill.Reached("delete");
            }
            else if (!target.Contains("Describe", StringComparison.Ordinal))
            {
                kill.Reached("create");
            }
        }

        return response;
    }
}

/// <summary>A task store that kills the process in the middle of a chosen write, after the transaction began.</summary>
public sealed class KillingStore(ITaskStore inner, KillSwitch kill) : ITaskStore
{
    public Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default) => inner.OpenAsync(cancellationToken);

    public async Task SaveAsync(IReadOnlyList<StoredTask> batch, CancellationToken cancellationToken = default)
    {
        var saving = inner.SaveAsync(batch, cancellationToken);
        kill.Reached("save");
        await saving.ConfigureAwait(false);
    }

    public Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default) => inner.FindAsync(uniqueName, cancellationToken);

    public Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default) => inner.PurgeEndedAsync(endedBefore, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
