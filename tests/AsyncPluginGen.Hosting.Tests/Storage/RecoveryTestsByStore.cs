namespace AsyncPluginGen.Hosting.Tests.Storage;

/// <summary>The recovery paths with the in-memory store.</summary>
public sealed class RecoveryWithInMemoryStoreTests : RecoveryTests
{
    private protected override Func<IReadOnlyList<StoredTask>, ITaskStore>? Backend => null;
}

/// <summary>The recovery paths with the SQLite store: every row goes through the file and is read back after the restart.</summary>
public sealed class RecoveryWithSqliteStoreTests : RecoveryTests
{
    private protected override Func<IReadOnlyList<StoredTask>, ITaskStore>? Backend => static rows => new SeededSqliteStore(rows);
}
