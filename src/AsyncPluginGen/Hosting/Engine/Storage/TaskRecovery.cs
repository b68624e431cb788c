using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Re-adopts the tasks a task store holds when the host starts, before it takes new work: each is rebuilt from its row
/// and resumed where it stopped (see <see cref="PluginRunner.ResumeAsync"/>). A row that cannot be resumed (its task
/// type is no longer served, its context or meta no longer reads) stays in the store untouched and is logged: never
/// dropped silently, never half-adopted.
/// </summary>
internal sealed class TaskRecovery(PluginCatalog catalog, RunnerSet runners, HostContext host, IServiceProvider services)
{
    public async Task RecoverAsync(IReadOnlyList<StoredTask> rows)
    {
        var secrets = Secrets(services);
        int created = 0, toCreate = 0, toDelete = 0;
        foreach (var row in rows)
        {
            PluginRunner runner;
            TaskRecord record;
            try
            {
                runner = runners.Get(catalog.GetDescriptor(row.TaskType));
                var progress = ProgressCodec.Read(row.Progress);
                var task = TaskContextCodec.Read(row.Context ?? throw new InvalidDataException("The row has no task context."), secrets);
                record = runner.Restore(task, progress, row.Meta);
            }
            catch (Exception exception)
            {
                HostLog.NotResumable(host.Logger, exception, row.PluginId, row.UniqueName, exception.Message);
                continue;
            }

            if (host.Tasks.TryAdd(record) != TableEntry.Added)
            {
                HostLog.NotResumable(host.Logger, null, row.PluginId, row.UniqueName, "a task with the same unique name is already in flight");
                continue;
            }

            // Nothing changed yet: what the store holds is this record's durable state.
            record.CountChange();
            record.MarkDurable(record.Changes);
            try
            {
                await runner.ResumeAsync(record).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // The quota manager or the plugin's ResourceRequirements failed: the task still runs, without its token.
                HostLog.UnexpectedError(host.Logger, exception, row.PluginId, row.UniqueName);
                runner.Start(record);
            }

            switch (record)
            {
                case { Interrupt: not TaskInterrupt.None } or { DeletePending: true }:
                    toDelete++;
                    break;
                case { State: PluginState.ResourcesCreated }:
                    created++;
                    break;
                default:
                    toCreate++;
                    break;
            }
        }

        HostLog.Recovered(host.Logger, created + toCreate + toDelete, created, toCreate, toDelete);
        host.Metrics.Recovered(created + toCreate + toDelete);
    }

    /// <summary>A handle, already complete, for a task that ended and is still kept in the store.</summary>
    public static TaskHandle EndedHandle(PluginHost owner, StoredTask row, IServiceProvider services)
    {
        var progress = ProgressCodec.Read(row.Progress);
        var task = TaskContextCodec.Read(row.Context ?? throw new InvalidDataException($"The stored task '{row.UniqueName}' has no context."), Secrets(services));
        var record = new EndedTaskRecord(task, row.PluginId) { IsRecovered = true };
        record.End(progress.Phase, progress.State, row.EndedAt ?? row.UpdatedAt);
        return new TaskHandle(owner, record);
    }

    private static ISecretProvider Secrets(IServiceProvider services) =>
        services.GetService<ISecretProvider>() ?? DictionarySecretProvider.Empty;
}
