namespace AsyncPluginGen.Hosting;

/// <summary>SQLite refused a write; <see cref="ResultCode"/> is its result code. Wrapped in a <see cref="TaskStoreException"/> before it leaves the store.</summary>
internal sealed class SqliteWriteException(string message, int resultCode) : Exception(message)
{
    public int ResultCode { get; } = resultCode;
}
