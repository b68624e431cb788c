namespace AsyncPluginGen;

/// <summary>
/// Names the generated <c>IServiceCollection</c> extension method that registers this assembly's plugins, and
/// optionally the static class that holds it. Without it, an assembly named <c>Contoso.OtherPlugins</c> gets
/// <c>AddContosoOtherPluginsPlugins()</c> in <c>ContosoOtherPluginsPluginServiceCollectionExtensions</c>.
/// Both names must be valid C# identifiers (APG0016 reports one that is not, and the default is kept).
/// </summary>
/// <example><code>[assembly: PluginRegistration(MethodName = "AddContosoPlugins")]</code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class PluginRegistrationAttribute : Attribute
{
    /// <summary>The extension method's name, such as <c>AddContosoPlugins</c>; null keeps the default.</summary>
    public string? MethodName { get; set; }

    /// <summary>The name of the static class that declares the method, in <c>Microsoft.Extensions.DependencyInjection</c>; null keeps the default.</summary>
    public string? ClassName { get; set; }
}
