using AsyncPluginGen.Hosting;

namespace AsyncPluginGen.CrashTests;

/// <summary>
/// The task store as a killed child left it, copied (database and write-ahead log) before the next child opens the
/// original: reading the copy here neither checkpoints nor repairs what the next child must recover by itself.
/// </summary>
internal sealed class StoreSnapshot(string? copy)
{
    public static StoreSnapshot Take(string store, string directory)
    {
        if (!File.Exists(store))
        {
            return new StoreSnapshot(null);
        }

        Directory.CreateDirectory(directory);
        var copy = Path.Combine(directory, Path.GetFileName(store));
        File.Copy(store, copy, overwrite: true);
        if (File.Exists(store + "-wal"))
        {
            File.Copy(store + "-wal", copy + "-wal", overwrite: true);
        }

        return new StoreSnapshot(copy);
    }

    /// <summary>Which of <paramref name="names"/> the store recorded as created (their resource meta is durable).</summary>
    public async Task<IReadOnlyList<string>> CreatedAsync(IEnumerable<string> names)
    {
        if (copy is null)
        {
            return [];
        }

        await using var store = new SqliteTaskStore(new SqliteTaskStoreOptions { Path = copy });
        await store.OpenAsync();
        var created = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (await store.FindAsync(name) is { Meta: not null })
            {
                created.Add(name);
            }
        }

        return created;
    }

    /// <summary>The stored row of a task, for a failure message.</summary>
    public async Task<string> DescribeAsync(string name)
    {
        if (copy is null)
        {
            return "no store";
        }

        await using var store = new SqliteTaskStore(new SqliteTaskStoreOptions { Path = copy });
        var open = await store.OpenAsync();
        var row = await store.FindAsync(name);
        var resumable = open.Any(r => r.UniqueName == name);
        return row is null ? "not stored" : $"stored: version {row.Version}, ended {row.EndedAt?.ToString("O") ?? "no"}, {(resumable ? "reopened" : "not reopened")}, " +
            $"meta {row.Meta?.Length ?? 0} bytes, progress {Convert.ToBase64String(row.Progress)}";
    }
}
