namespace AsyncPluginGen.Hosting;

/// <summary>
/// One plugin's call timeouts, bound from configuration (for example <c>AsyncPluginGen:Plugins:WarehousePlugin:CallTimeouts:Get</c>).
/// Unset values keep the host's <see cref="PluginHostOptions.CallTimeouts"/>. Each value must lie within <see cref="CallTimeouts.Range"/>.
/// </summary>
public sealed class CallTimeoutsOverride
{
    /// <summary>Create.</summary>
    public TimeSpan? Create { get; set; }

    /// <summary>Get, single or batched.</summary>
    public TimeSpan? Get { get; set; }

    /// <summary>Delete.</summary>
    public TimeSpan? Delete { get; set; }

    /// <summary>Do (sync plugins).</summary>
    public TimeSpan? Do { get; set; }

    /// <summary>The host's timeouts with these values in their place.</summary>
    /// <param name="defaults">The host's timeouts.</param>
    /// <returns>A new instance; <paramref name="defaults"/> is not changed.</returns>
    public CallTimeouts ApplyTo(CallTimeouts defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new CallTimeouts
        {
            Create = Create ?? defaults.Create,
            Get = Get ?? defaults.Get,
            Delete = Delete ?? defaults.Delete,
            Do = Do ?? defaults.Do,
        };
    }
}
