namespace AsyncPluginGen.Analyzers;

/// <summary>Keys of the properties diagnostics carry for code fixes.</summary>
public static class DiagnosticProperties
{
    /// <summary>APG0003: which handler is missing (Create, Get or Do).</summary>
    public const string Handler = "Handler";

    /// <summary>APG0003 (Get) and APG0006: the ResourceMeta type, fully qualified with global::.</summary>
    public const string MetaType = "MetaType";
}
