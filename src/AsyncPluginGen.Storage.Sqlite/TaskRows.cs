using Microsoft.Data.Sqlite;

namespace AsyncPluginGen.Hosting;

/// <summary>The <c>tasks</c> table: its schema migrations, and how a <see cref="StoredTask"/> is written and read.</summary>
internal static class TaskRows
{
    /// <summary>The schema migrations, in order: migration i brings <c>user_version</c> from i to i + 1.</summary>
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE tasks (
            unique_name TEXT PRIMARY KEY NOT NULL,
            plugin_id TEXT NOT NULL,
            task_type TEXT NOT NULL,
            context BLOB,
            meta BLOB,
            progress BLOB NOT NULL,
            version INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            ended_at INTEGER
        );
        CREATE INDEX tasks_ended_at ON tasks (ended_at);
        """,
        // 2: only ended rows are indexed (the purge is the index's one reader), so writing an in-flight task updates one
        // B-tree fewer. The purge's `ended_at < @cut-off` implies NOT NULL, so SQLite still uses the index for it.
        """
        DROP INDEX tasks_ended_at;
        CREATE INDEX tasks_ended_at ON tasks (ended_at) WHERE ended_at IS NOT NULL;
        """,
    ];

    public const string Columns = "unique_name, plugin_id, task_type, context, meta, progress, version, updated_at, ended_at";

    /// <summary>Inserts a row or updates the stored one; a null context or meta keeps the stored value. Parameters ?1–?9 follow <see cref="Columns"/>.</summary>
    public const string UpsertStatement =
        $"""
        INSERT INTO tasks ({Columns})
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        ON CONFLICT(unique_name) DO UPDATE SET
            plugin_id = excluded.plugin_id,
            task_type = excluded.task_type,
            context = COALESCE(excluded.context, context),
            meta = COALESCE(excluded.meta, meta),
            progress = excluded.progress,
            version = excluded.version,
            updated_at = excluded.updated_at,
            ended_at = excluded.ended_at
        """;

    public static StoredTask Read(SqliteDataReader reader) => new()
    {
        UniqueName = reader.GetString(0),
        PluginId = reader.GetString(1),
        TaskType = reader.GetString(2),
        Context = reader.IsDBNull(3) ? null : (byte[])reader.GetValue(3),
        Meta = reader.IsDBNull(4) ? null : (byte[])reader.GetValue(4),
        Progress = (byte[])reader.GetValue(5),
        Version = reader.GetInt64(6),
        UpdatedAt = new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero),
        EndedAt = reader.IsDBNull(8) ? null : new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero),
    };
}
