namespace AsyncPluginGen.Generators.Emitting;

/// <summary>Fully qualified names the generated code uses, so no user type can shadow them.</summary>
internal static class Names
{
    public const string Runtime = "global::AsyncPluginGen.";
    public const string PhaseInfo = Runtime + "PhaseInfo";
    public const string TaskInfo = Runtime + "TaskInfo";
    public const string TaskContext = Runtime + "TaskContext";
    public const string PluginConfig = Runtime + "PluginConfig";
    public const string PluginDescriptor = Runtime + "PluginDescriptor";
    public const string DescribedPlugin = Runtime + "IDescribedPlugin";
    public const string Helpers = "global::AsyncPluginGen.Infrastructure.GeneratedCodeHelpers";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
}
