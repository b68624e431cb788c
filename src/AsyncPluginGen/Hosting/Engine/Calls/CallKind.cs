namespace AsyncPluginGen.Hosting;

/// <summary>Which of the per-operation call timeouts (<see cref="CallTimeouts"/>) a remote call takes.</summary>
internal enum CallKind : byte
{
    Create,
    Get,
    Delete,
    Do,
}
