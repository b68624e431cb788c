using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AsyncPluginGen.Hosting;

/// <summary>A submitted task: its current phase, its phase events, its outcome, and a way to abort it.</summary>
public sealed class TaskHandle
{
    private readonly PluginHost _host;

    internal TaskHandle(PluginHost host, TaskRecord record)
    {
        _host = host;
        Record = record;
    }

    internal TaskRecord Record { get; }

    /// <summary>The task attempt.</summary>
    public TaskExecutionId ExecutionId => Record.Task.ExecutionId;

    /// <summary>Whether the task came from the task store (recovered when the host started, or an ended one <see cref="PluginHost.FindAsync"/> read back), rather than being submitted to this host.</summary>
    public bool IsRecovered => Record.IsRecovered;

    /// <summary>The task's unique name, its key in the host.</summary>
    public string UniqueName => Record.Task.UniqueName;

    /// <summary>The plugin driving the task.</summary>
    public string PluginId => Record.PluginId;

    /// <summary>The latest phase.</summary>
    public PhaseInfo Phase => Record.Phase;

    /// <summary>Where the host is in driving the task.</summary>
    public PluginState State => Record.State;

    /// <summary>Completes when the task ends: success, failure, time-out or abort. Never faults for a plugin's error.</summary>
    public Task<TaskResult> Completion => Record.Completion;

    /// <summary>Aborts the task: polling stops at once and the remote job is deleted (reason "Aborted"), retried on failure.</summary>
    /// <returns>False when the task had already ended.</returns>
    public bool Abort() => _host.Abort(Record);

    /// <summary>
    /// The task's phase events from now on, starting with the current phase, until it ends: the last event is the
    /// task's final state, whatever ended it (its outcome, an abort, its deadline, the host stopping or being
    /// disposed). Each enumeration subscribes separately.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<PhaseEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<PhaseEvent>(new UnboundedChannelOptions { SingleReader = true });
        var current = Record.Watch(channel, _host.Time.GetUtcNow());
        try
        {
            yield return current;
            await foreach (var phaseEvent in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return phaseEvent;
            }
        }
        finally
        {
            Record.Unwatch(channel);
        }
    }
}
