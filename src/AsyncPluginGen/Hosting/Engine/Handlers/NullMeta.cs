namespace AsyncPluginGen.Hosting;

/// <summary>The failure of a Create that returned no ResourceMeta: Get and Delete could never name the job.</summary>
internal static class NullMeta
{
    public static string Message(IPlugin plugin) =>
        $"Create of plugin '{plugin.Descriptor.Id}' ({plugin.GetType().FullName}) returned a null ResourceMeta. Create must return " +
        "the meta that identifies the remote job: the host passes it to every Get and to Delete.";

    public static PhaseInfo Phase(IPlugin plugin) => PhaseInfo.SystemFailure(HostReasons.NullResourceMeta, Message(plugin));
}
