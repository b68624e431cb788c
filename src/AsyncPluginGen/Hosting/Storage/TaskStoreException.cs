namespace AsyncPluginGen.Hosting;

/// <summary>
/// A task store cannot be used: another host owns it, it is corrupt, its schema is newer than this version knows, or a
/// write failed. The message says which and what to do; the host refuses to start rather than lose or duplicate tasks.
/// </summary>
public sealed class TaskStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public TaskStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public TaskStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
