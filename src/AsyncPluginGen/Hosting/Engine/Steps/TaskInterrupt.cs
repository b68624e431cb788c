namespace AsyncPluginGen.Hosting;

/// <summary>What, from outside the task's own calls, asks it to end early. Flags: both may be set; abort wins.</summary>
[Flags]
internal enum TaskInterrupt : byte
{
    /// <summary>Nothing: the task runs its course.</summary>
    None = 0,

    /// <summary>The user aborted the task.</summary>
    Abort = 1,

    /// <summary>The task's deadline passed.</summary>
    Timeout = 2,
}
