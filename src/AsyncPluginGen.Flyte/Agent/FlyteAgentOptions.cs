using AsyncPluginGen.Flyte.Meta;
using AsyncPluginGen.Hosting;

namespace AsyncPluginGen.Flyte.Agent;

/// <summary>How the Flyte agent service runs; bound from the <c>FlyteAgent</c> configuration section.</summary>
public sealed class FlyteAgentOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "FlyteAgent";

    /// <summary>Propeller's default gRPC receive limit, which caps what a response may carry.</summary>
    public const int PropellerReceiveLimitBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The largest request the service accepts (large input maps arrive in CreateTask). Default 64 MiB; ASP.NET's
    /// own default of 4 MiB would refuse input maps that propeller sends.
    /// </summary>
    public int MaxReceiveMessageBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// The largest outputs a GetTask or ExecuteTaskSync response may carry. Default 4 MiB, propeller's receive limit:
    /// larger outputs fail the task with a message saying so, instead of a transport error propeller cannot explain.
    /// </summary>
    public int MaxOutputBytes { get; set; } = PropellerReceiveLimitBytes;

    /// <summary>The signing keys and size limit of <c>resource_meta</c>.</summary>
    public ResourceMetaEnvelopeOptions ResourceMeta { get; set; } = new();

    /// <summary>
    /// Per-plugin overrides of the declared configuration, keyed by plugin id, as the embedded host takes them. The agent
    /// applies the read and write rate limits, per replica.
    /// </summary>
    public Dictionary<string, PluginConfigOverride> Plugins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether gRPC server reflection is served (for grpcurl and similar tools). Default on.</summary>
    public bool EnableReflection { get; set; } = true;
}
