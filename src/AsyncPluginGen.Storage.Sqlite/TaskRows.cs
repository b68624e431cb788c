using System.Data;
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
    ];

    public const string Columns = "unique_name, plugin_id, task_type, context, meta, progress, version, updated_at, ended_at";

    private const string Upsert =
        $"""
        INSERT INTO tasks ({Columns})
        VALUES (@unique_name, @plugin_id, @task_type, @context, @meta, @progress, @version, @updated_at, @ended_at)
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

    public static SqliteCommand PrepareUpsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Upsert;
        command.Parameters.Add("@unique_name", SqliteType.Text);
        command.Parameters.Add("@plugin_id", SqliteType.Text);
        command.Parameters.Add("@task_type", SqliteType.Text);
        command.Parameters.Add("@context", SqliteType.Blob);
        command.Parameters.Add("@meta", SqliteType.Blob);
        command.Parameters.Add("@progress", SqliteType.Blob);
        command.Parameters.Add("@version", SqliteType.Integer);
        command.Parameters.Add("@updated_at", SqliteType.Integer);
        command.Parameters.Add("@ended_at", SqliteType.Integer);
        command.Prepare();
        return command;
    }

    public static void Bind(SqliteCommand command, StoredTask row)
    {
        var parameters = command.Parameters;
        parameters[0].Value = row.UniqueName;
        parameters[1].Value = row.PluginId;
        parameters[2].Value = row.TaskType;
        parameters[3].Value = (object?)row.Context ?? DBNull.Value;
        parameters[4].Value = (object?)row.Meta ?? DBNull.Value;
        parameters[5].Value = row.Progress;
        parameters[6].Value = row.Version;
        parameters[7].Value = row.UpdatedAt.UtcTicks;
        parameters[8].Value = row.EndedAt is { } ended ? ended.UtcTicks : DBNull.Value;
    }

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
