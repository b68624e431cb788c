namespace AsyncPluginGen;

/// <summary>
/// Sets the plugin's read (Get) and write (Create, Delete) rate limits. Unset values keep Flyte's defaults:
/// read 30 QPS burst 300, write 20 QPS burst 200. Allowed: QPS 1–100000, burst 5–10000.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RateLimitsAttribute : Attribute
{
    /// <summary>Get calls per second.</summary>
    public double ReadQps { get; set; } = 30;

    /// <summary>Get calls allowed at once above the rate.</summary>
    public int ReadBurst { get; set; } = 300;

    /// <summary>Create and Delete calls per second.</summary>
    public double WriteQps { get; set; } = 20;

    /// <summary>Create and Delete calls allowed at once above the rate.</summary>
    public int WriteBurst { get; set; } = 200;
}
