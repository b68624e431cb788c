using System.Reflection;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AsyncPluginGen.CrashTests.Host;

/// <summary>
/// The SQLite task store with the kill switch inside its group commits. SqliteTaskStore.SaveAsync runs its whole
/// transaction before it returns, so a kill after calling it would come after the commit: SQLite's own hooks put the
/// kill inside the transaction instead. <c>save-row:N</c> dies after the first row of the Nth batch was written (update
/// hook), <c>save-commit:N</c> once every row of it was written and before it commits (commit hook),
/// <c>save-committed:N</c> right after it became durable, before the host makes the call it waited for.
/// </summary>
public sealed class KillingStore(SqliteTaskStore inner, KillSwitch kill) : ITaskStore
{
    // Only the host's batches count (not the schema's commit at open, nor a purge).
    private volatile bool _saving;
    private bool _rowSeen;

    public async Task<IReadOnlyList<StoredTask>> OpenAsync(CancellationToken cancellationToken = default)
    {
        var rows = await inner.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (kill.Wants("save-row") || kill.Wants("save-commit"))
        {
            var db = Connection().Handle;
            raw.sqlite3_update_hook(db, (delegate_update)((_, _, _, _, _) =>
            {
                if (_saving && !_rowSeen)
                {
                    _rowSeen = true;
                    kill.Reached("save-row");
                }
            }), null);
            raw.sqlite3_commit_hook(db, _ =>
            {
                if (_saving)
                {
                    kill.Reached("save-commit");
                }

                return 0;
            }, null);
        }

        return rows;
    }

    public async Task SaveAsync(IReadOnlyList<StoredTask> batch, CancellationToken cancellationToken = default)
    {
        _rowSeen = false;
        _saving = true;
        try
        {
            await inner.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _saving = false;
        }

        kill.Reached("save-committed");
    }

    public Task<StoredTask?> FindAsync(string uniqueName, CancellationToken cancellationToken = default) => inner.FindAsync(uniqueName, cancellationToken);

    public Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default) => inner.PurgeEndedAsync(endedBefore, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    // The store keeps its connection private and offers no seam inside a transaction; reading the field fails loudly if it
    // is renamed, rather than silently moving the kill after the commit.
    private SqliteConnection Connection()
    {
        var field = typeof(SqliteTaskStore).GetField("_connection", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("SqliteTaskStore has no _connection field any more: update the crash test's SQLite hooks.");
        return (SqliteConnection)(field.GetValue(inner) ?? throw new InvalidOperationException("SqliteTaskStore is open without a connection."));
    }
}
