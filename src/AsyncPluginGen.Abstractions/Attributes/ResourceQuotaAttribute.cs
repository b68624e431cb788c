namespace AsyncPluginGen;

/// <summary>
/// Declares a quota: at most <see cref="Quota"/> tasks of this plugin hold a token of the namespace at once.
/// Without a <c>GetResourceRequirements</c> handler, tasks take their token from the first quota declared.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ResourceQuotaAttribute : Attribute
{
    /// <summary>Declares a quota.</summary>
    /// <param name="namespace">The resource namespace, for example <c>"warehouse"</c>.</param>
    /// <param name="quota">The most tokens held at once; at least 1.</param>
    public ResourceQuotaAttribute(string @namespace, int quota)
    {
        Namespace = @namespace;
        Quota = quota;
    }

    /// <summary>The resource namespace.</summary>
    public string Namespace { get; }

    /// <summary>The most tokens held at once.</summary>
    public int Quota { get; }

    /// <summary>The most tokens one project may hold; 0 for no cap.</summary>
    public long ProjectLimit { get; set; }

    /// <summary>The most tokens one project-and-domain may hold; 0 for no cap.</summary>
    public long NamespaceLimit { get; set; }
}
